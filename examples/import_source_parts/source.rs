//! The source text addressed by 1-based line number, with the recorded errata applied.

use super::decisions::SourceErratum;

/// The lines of the source text, errata applied, addressed as in `sed -n 'Np'`.
pub struct Source {
    lines: Vec<String>,
}

impl Source {
    /// Splits the text into lines and applies each erratum to its line, checking that the
    /// printed text occurs exactly once there (so a changed source is noticed, not misread).
    pub fn new(text: &str, errata: &[SourceErratum]) -> Source {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for erratum in errata {
            let line = &mut lines[erratum.line - 1];
            assert_eq!(
                line.matches(erratum.printed).count(),
                1,
                "erratum text {:?} not found once on line {}",
                erratum.printed,
                erratum.line
            );
            *line = line.replace(erratum.printed, erratum.corrected);
        }
        Source { lines }
    }

    /// Line `n` (1-based) as it stands in the source.
    pub fn line(&self, n: usize) -> &str {
        self.lines
            .get(n - 1)
            .unwrap_or_else(|| panic!("the source has no line {n}"))
    }

    /// Line `n`, checked to start with `prefix` once whitespace is removed from both; this is
    /// how the importer makes sure it reads the source it was written for.
    pub fn expect(&self, n: usize, prefix: &str) -> &str {
        let line = self.line(n);
        assert!(
            squeeze(line).starts_with(&squeeze(prefix)),
            "line {n} should start with {prefix:?} but reads {line:?}"
        );
        line
    }

    /// Whether line `n` holds nothing but whitespace (page artefacts such as a lone space).
    pub fn is_blank(&self, n: usize) -> bool {
        self.line(n).trim().is_empty()
    }

    /// The non-blank line numbers in `first..=last`.
    pub fn non_blank(&self, first: usize, last: usize) -> Vec<usize> {
        (first..=last).filter(|&n| !self.is_blank(n)).collect()
    }
}

/// The text with every whitespace character removed.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Tidies a line of Chinese prose: whitespace next to a non-ASCII character is an extraction
/// artefact ("2022 年", "2. 医药") and goes; other runs of whitespace (between Latin words)
/// become one space.
pub fn tidy(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let before = chars[start - 1];
            let after = chars.get(i).copied().unwrap_or(' ');
            if before.is_ascii() && after.is_ascii() {
                out.push(' ');
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
