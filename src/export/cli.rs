//! The `export` command.

use crate::model::Gazette;
use std::path::PathBuf;

/// Arguments of `gazette-browser export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Id of the table (see `tables`), e.g. land-prices.
    pub table: String,
    /// Where to write the CSV; `-` for standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

/// Runs the export and returns the exit code.
pub fn run(gazette: &Gazette, args: &ExportArgs) -> i32 {
    let Some(table) = gazette.table(&args.table) else {
        let ids: Vec<&str> = gazette.tables.iter().map(|t| t.id.as_str()).collect();
        eprintln!(
            "error: no table \"{}\"; the tables are: {}",
            args.table,
            ids.join(", ")
        );
        return crate::cli::EXIT_BAD_INPUT;
    };
    let mut bytes = Vec::new();
    if let Err(err) = super::write_table_csv(table, &mut bytes) {
        eprintln!("error: cannot write CSV: {err}");
        return crate::cli::EXIT_OUTPUT_FAILED;
    }
    let result = if args.output.as_os_str() == "-" {
        use std::io::Write;
        std::io::stdout().lock().write_all(&bytes)
    } else {
        std::fs::write(&args.output, &bytes)
    };
    match result {
        Ok(()) => 0,
        Err(err) => {
            eprintln!("error: cannot write {}: {err}", args.output.display());
            crate::cli::EXIT_OUTPUT_FAILED
        }
    }
}
