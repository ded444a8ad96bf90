//! Writes a large, valid gazette file for performance work: the embedded issue with its
//! `land-prices` table grown to `--rows` plausible rows (see `gazette_browser::synthetic`).
//!
//! ```sh
//! cargo run --release --example synthetic_gazette -- --rows 1000000 --output big.ron
//! ```

use clap::Parser;
use gazette_browser::model::load;
use gazette_browser::synthetic::grow_land_prices;
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Number of rows of the land-price table.
    #[arg(long, default_value_t = 1_000_000)]
    rows: usize,
    /// Where to write the RON file.
    #[arg(long)]
    output: PathBuf,
    /// Seed of the pseudo-random values.
    #[arg(long, default_value_t = 2023)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut gazette = load::embedded()?;
    grow_land_prices(&mut gazette, args.rows, args.seed)?;
    let file = std::fs::File::create(&args.output)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    ron::Options::default().to_io_writer(&mut out, &gazette)?;
    out.write_all(b"\n")?;
    out.flush()?;
    eprintln!("wrote {} rows to {}", args.rows, args.output.display());
    Ok(())
}
