//! Where a line of Chinese (and mixed) text may break, by the rules Chinese typesetting follows
//! (禁则): an opening mark such as 《 （ “ never ends a line, a closing mark or punctuation such
//! as ， 。 、 ； ： ？ ！ ） 》 ” never starts one, a code or number (411700S50001,
//! 3298.21) is never split, and a number keeps the character after it (2022年, 22号). epaint breaks between any two Chinese characters and knows none of
//! the full-width marks, so the window lays such text out here and hands epaint whole lines.
//!
//! No egui: the caller says how wide each character is.

use std::ops::Range;

/// Marks that must not end a line: they open what follows.
const NO_LINE_END: &str = "《（“‘「『【〔〈｛［([{";

/// Marks that must not start a line: they close or punctuate what comes before.
const NO_LINE_START: &str = "，。、；：？！）》”’」』】〕〉｝］…—·％),.;:?!]}%";

/// Whether `c` belongs to a word that must stay whole: Latin letters, digits and the marks
/// inside codes and numbers (3298.21, 2023-03, G107/京港澳).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | '²' | '³')
}

/// Whether a line may end between `before` and `after`; `number_before` says that `before` ends a
/// number (digits and a decimal point only, not a code such as 411700S50001).
pub fn may_break_between(before: char, after: char, number_before: bool) -> bool {
    if NO_LINE_END.contains(before) || NO_LINE_START.contains(after) {
        return false;
    }
    if after == ' ' || (is_word_char(before) && is_word_char(after)) {
        return false;
    }
    // A number keeps the character it counts: 2022年, 22号, 150亿元 stay on one line.
    if number_before && is_ideograph(after) {
        return false;
    }
    true
}

/// Whether `c` is a Chinese character (the CJK Unified Ideographs and Extension A).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Splits `text` into lines at most `max_width` wide (each character `width_of` wide), breaking
/// only where [`may_break_between`] allows; a run with no allowed break that is wider than a
/// line (a very long code in a narrow pane) is broken where it must, except that a closing mark
/// after it hangs past the margin rather than start a line. A `\n` always breaks.
/// Returns the byte range of each line, without the `\n`.
pub fn break_lines(
    text: &str,
    mut width_of: impl FnMut(char) -> f32,
    max_width: f32,
) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut width = 0.0;
    // The last place the current line may end, and the width of the line up to there.
    let mut last_break: Option<(usize, f32)> = None;
    let mut previous: Option<char> = None;
    // Whether the word characters just before are a number (2022, 3298.21).
    let mut in_number = false;
    for (at, c) in text.char_indices() {
        if c == '\n' {
            lines.push(start..at);
            start = at + 1;
            width = 0.0;
            last_break = None;
            previous = None;
            in_number = false;
            continue;
        }
        if let Some(before) = previous
            && may_break_between(before, c, in_number && before.is_ascii_digit())
        {
            last_break = Some((at, width));
        }
        let w = width_of(c);
        let allowed = last_break.filter(|&(end, _)| end > start);
        // A mark that may not start a line, after a run that cannot break (a code filling the
        // line), hangs past the margin as in print (标点悬挂) rather than starting the next.
        let hangs = allowed.is_none() && NO_LINE_START.contains(c);
        if width + w > max_width && at > start && !hangs {
            match allowed {
                Some((end, used)) => {
                    lines.push(start..end);
                    start = end;
                    width -= used;
                }
                None => {
                    lines.push(start..at);
                    start = at;
                    width = 0.0;
                }
            }
            last_break = None;
        }
        width += w;
        let continues_word = previous.is_some_and(is_word_char) && is_word_char(c);
        let starts_number = !previous.is_some_and(is_word_char) && c.is_ascii_digit();
        in_number =
            (starts_number || (continues_word && in_number)) && (c.is_ascii_digit() || c == '.');
        previous = Some(c);
    }
    lines.push(start..text.len());
    lines
}

/// `text` with a `\n` at each line end of [`break_lines`], for a label that does not wrap
/// further. Spaces at the end of a line are dropped.
pub fn with_line_breaks(text: &str, width_of: impl FnMut(char) -> f32, max_width: f32) -> String {
    break_lines(text, width_of, max_width)
        .into_iter()
        .map(|line| text[line].trim_end_matches(' '))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width characters are 2 wide, others 1, as in a monospaced terminal.
    fn width(c: char) -> f32 {
        if c.is_ascii() { 1.0 } else { 2.0 }
    }

    fn lines(text: &str, max_width: f32) -> Vec<&str> {
        break_lines(text, width, max_width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn chinese_breaks_between_any_two_characters() {
        assert_eq!(
            lines("东至京广铁路西至文明大道", 8.0),
            ["东至京广", "铁路西至", "文明大道"]
        );
    }

    #[test]
    fn punctuation_never_starts_a_line() {
        // 东至京广铁路，西至: the comma would start the second line; 路 goes with it.
        assert_eq!(
            lines("东至京广铁路，西至", 12.0),
            ["东至京广铁", "路，西至"]
        );
        for closing in "，。、；：？！）》”".chars() {
            let text = format!("一二三四{closing}五六");
            for line in lines(&text, 8.0) {
                assert!(!line.starts_with(closing), "{text}: {line}");
            }
        }
    }

    #[test]
    fn opening_marks_never_end_a_line() {
        assert_eq!(lines("根据《驻马店市》", 8.0), ["根据《驻", "马店市》"]);
        assert_eq!(lines("一二三《四五六", 8.0), ["一二三", "《四五六"]);
        for opening in "《（“".chars() {
            let text = format!("一二三{opening}四五六");
            for line in lines(&text, 8.0) {
                assert!(!line.ends_with(opening), "{text}: {line}");
            }
        }
    }

    #[test]
    fn codes_and_numbers_stay_whole() {
        assert_eq!(
            lines("编号411700S50001面积3298.21", 16.0),
            ["编号411700S50001", "面积3298.21"]
        );
        assert_eq!(lines("面积3298.21", 8.0), ["面积", "3298.21"]);
        assert_eq!(
            with_line_breaks("west road and east road", width, 10.0),
            "west road\nand east\nroad"
        );
    }

    #[test]
    fn punctuation_after_a_code_that_fills_the_line_hangs_in_the_margin() {
        assert_eq!(
            lines("编号411700S50001，七通一平", 12.0),
            ["编号", "411700S50001，", "七通一平"]
        );
    }

    #[test]
    fn a_number_keeps_the_character_it_counts() {
        assert_eq!(
            lines("中心城区2022年标定", 12.0),
            ["中心城区", "2022年标定"]
        );
        assert_eq!(lines("第2次会议", 6.0), ["第2次", "会议"]);
        assert_eq!(
            lines("编号411700S50001面积", 16.0),
            ["编号411700S50001", "面积"],
            "a code is not a number: what follows it may start a line"
        );
    }

    #[test]
    fn a_code_longer_than_the_line_is_broken_where_it_must() {
        assert_eq!(lines("411700S50001", 5.0), ["41170", "0S500", "01"]);
    }

    #[test]
    fn newlines_break_and_empty_text_is_one_empty_line() {
        assert_eq!(lines("甲\n乙", 100.0), ["甲", "乙"]);
        assert_eq!(lines("", 10.0), [""]);
    }
}
