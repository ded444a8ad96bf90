//! Which kind of file an export writes, and the file-name extension that goes with it.

use std::path::Path;

/// The kind of file an export writes.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum ExportFormat {
    /// Comma-separated values: plain text for scripts, Excel and WPS.
    #[default]
    #[value(name = "csv")]
    Csv,
    /// An Excel workbook: numbers stay numbers, a frozen header, a 来源 (provenance) sheet.
    #[value(name = "xlsx")]
    Xlsx,
}

impl ExportFormat {
    /// Every format, in the order a chooser offers them.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Csv, ExportFormat::Xlsx];

    /// The file-name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension names (`.csv`, `.xlsx`, in any case), if any.
    pub fn of_path(path: &Path) -> Option<ExportFormat> {
        let extension = path.extension()?.to_str()?;
        ExportFormat::ALL
            .into_iter()
            .find(|format| extension.eq_ignore_ascii_case(format.extension()))
    }

    /// `text` (a typed path or file name) with its extension changed to this format's when it
    /// ends in another format's, so the path field follows the format chosen in the dialog.
    /// Any other ending is left as the clerk typed it.
    pub fn apply_to_name(self, text: &str) -> String {
        for other in ExportFormat::ALL {
            let ending = format!(".{}", other.extension());
            let cut = text.len().saturating_sub(ending.len());
            if other != self
                && text.is_char_boundary(cut)
                && text[cut..].eq_ignore_ascii_case(&ending)
            {
                return format!("{}.{}", &text[..cut], self.extension());
            }
        }
        text.to_owned()
    }
}

/// What an export dialog asks besides the rows: the format, the CSV's options, and whether a
/// CSV gets its provenance beside it (a workbook always carries it on its sheet 来源).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV or workbook.
    pub format: ExportFormat,
    /// Header and encoding of a CSV.
    pub csv: super::CsvOptions,
    /// Whether NAME.source.txt is written beside a CSV.
    pub provenance: bool,
}

impl ExportOptions {
    /// Whether a provenance file goes beside the export.
    pub fn wants_sidecar(&self) -> bool {
        self.provenance && self.format == ExportFormat::Csv
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format_in_any_case() {
        assert_eq!(
            ExportFormat::of_path(Path::new("住宅.XLSX")),
            Some(ExportFormat::Xlsx)
        );
        assert_eq!(
            ExportFormat::of_path(Path::new("a/b.csv")),
            Some(ExportFormat::Csv)
        );
        assert_eq!(ExportFormat::of_path(Path::new("b.txt")), None);
        assert_eq!(ExportFormat::of_path(Path::new("-")), None);
    }

    #[test]
    fn a_typed_name_follows_the_chosen_format() {
        let xlsx = ExportFormat::Xlsx;
        assert_eq!(
            xlsx.apply_to_name("/home/k/标定地价_27行.csv"),
            "/home/k/标定地价_27行.xlsx"
        );
        assert_eq!(ExportFormat::Csv.apply_to_name("x.XLSX"), "x.csv");
        assert_eq!(xlsx.apply_to_name("x.xlsx"), "x.xlsx");
        assert_eq!(xlsx.apply_to_name("报表.txt"), "报表.txt", "left as typed");
        assert_eq!(xlsx.apply_to_name("价"), "价", "short names are safe");
    }
}
