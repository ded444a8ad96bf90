use super::*;

/// Chinese characters one em wide, everything else half an em: like the real font, simpler.
struct Fixed;

impl Measure for Fixed {
    fn advance(&self, c: char) -> f32 {
        if c.is_ascii() { 0.5 } else { 1.0 }
    }
}

fn lines(text: &str, ems: f32) -> Vec<String> {
    wrap(&Fixed, text, 10.0, ems * 10.0)
}

#[test]
fn chinese_breaks_between_characters_and_numbers_and_codes_stay_whole() {
    let text = "标定区域编号411700S50001位于驿城区，地面单价4520.50元每平方米";
    let wrapped = lines(text, 8.0);
    assert!(wrapped.len() > 2, "{wrapped:?}");
    for whole in ["411700S50001", "4520.50"] {
        assert!(
            wrapped.iter().any(|line| line.contains(whole)),
            "{whole} cut: {wrapped:?}"
        );
    }
    assert_eq!(wrapped.concat(), text, "nothing lost or added");
    for line in &wrapped {
        assert!(
            text_width(&Fixed, line, 10.0) <= 80.0 + 0.01,
            "{line} too wide"
        );
        assert!(
            !line.starts_with('，'),
            "a line starts with a comma: {wrapped:?}"
        );
    }
}

#[test]
fn latin_breaks_at_spaces_which_vanish_at_the_break() {
    let wrapped = lines("alpha beta gamma delta", 6.0);
    assert_eq!(wrapped, ["alpha beta", "gamma delta"]);
}

#[test]
fn an_opening_bracket_stays_with_what_follows() {
    // 7 ems: "地面单价" + "(" would fit, but the bracket must go with 元.
    let wrapped = lines("地面单价元(元/m²)", 6.0);
    assert!(
        wrapped.iter().all(|line| !line.ends_with('(')),
        "{wrapped:?}"
    );
    assert_eq!(wrapped.concat(), "地面单价元(元/m²)");
}

#[test]
fn a_code_wider_than_the_column_is_cut_rather_than_lost() {
    let wrapped = lines("411700S50001", 3.0);
    assert_eq!(wrapped.concat(), "411700S50001");
    assert!(wrapped.len() > 1);
}

#[test]
fn the_first_line_of_a_paragraph_may_be_narrower() {
    let wrapped = wrap_indented(&Fixed, "一二三四五六七八九十", 10.0, 30.0, 50.0);
    assert_eq!(wrapped, ["一二三", "四五六七八", "九十"]);
}

#[test]
fn columns_fill_the_width_and_keep_their_least() {
    let natural = [2.0, 30.0, 6.0];
    let least = [2.0, 4.0, 6.0];
    let widths = column_widths(&natural, &least, 10.0, 3.0, 300.0).unwrap();
    assert!(
        (widths.iter().sum::<f32>() - 300.0).abs() < 0.01,
        "{widths:?}"
    );
    for (w, l) in widths.iter().zip(least) {
        assert!(*w >= l * 10.0 + 6.0 - 0.01, "{widths:?}");
    }
    assert!(column_widths(&natural, &least, 10.0, 3.0, 100.0).is_none());
}

fn table_of(rows: usize) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = vec![
        "序号".to_owned(),
        "标准宗地名称".to_owned(),
        "地面单价".to_owned(),
    ];
    let rows = (0..rows)
        .map(|r| {
            vec![
                format!("R{r}"),
                // Every seventh row wraps over several lines.
                if r % 7 == 0 {
                    "驿城区中乐国际公馆沿街商铺及其附属用地".repeat(3)
                } else {
                    "驿城区商铺".to_owned()
                },
                format!("{}", 1000 + r),
            ]
        })
        .collect();
    (headers, rows)
}

#[test]
fn a_long_table_repeats_its_header_on_every_page_and_places_each_row_once() {
    let (headers, rows) = table_of(300);
    let aligns = [Align::Right, Align::Left, Align::Right];
    let frame = Frame::a4_landscape(20.0);
    let mut flow = Flow::new(&Fixed, frame);
    flow.line("标题", 14.0, Align::Center);
    let laid = lay_out_table(&Fixed, &headers, &rows, &aligns, frame.width());
    flow.table(&laid);
    let pages = flow.pages;
    assert!(pages.len() > 3, "{} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        let texts: Vec<&str> = page.texts().collect();
        for header in &headers {
            assert!(texts.contains(&header.as_str()), "page {n} lacks {header}");
        }
        for item in &page.items {
            if let Item::Text { baseline, .. } = item {
                assert!(*baseline <= frame.bottom, "page {n}: text below the frame");
            }
        }
    }
    let placed: Vec<&str> = pages
        .iter()
        .flat_map(Page::texts)
        .filter(|t| t.starts_with('R'))
        .collect();
    let expected: Vec<String> = (0..300).map(|r| format!("R{r}")).collect();
    assert_eq!(placed, expected, "every row once, in order");
}

#[test]
fn numbers_are_flush_right_in_their_column() {
    let (headers, rows) = table_of(3);
    let aligns = [Align::Right, Align::Left, Align::Right];
    let frame = Frame::a4_landscape(20.0);
    let laid = lay_out_table(&Fixed, &headers, &rows, &aligns, frame.width());
    let mut flow = Flow::new(&Fixed, frame);
    flow.table(&laid);
    let right_edge = frame.left + laid.widths.iter().sum::<f32>() - laid.padding;
    for item in &flow.pages[0].items {
        if let Item::Text { x, size, text, .. } = item
            && text.starts_with("100")
        {
            let end = x + text_width(&Fixed, text, *size);
            assert!((end - right_edge).abs() < 0.01, "{text} ends at {end}");
        }
    }
}

#[test]
fn footers_number_the_pages_of_the_whole() {
    let mut pages = vec![Page::default(); 3];
    let frame = Frame::a4_portrait(20.0);
    add_footers(
        &mut pages,
        &Fixed,
        &frame,
        &["来源".to_owned()],
        |n, m| format!("第 {n} 页 共 {m} 页"),
    );
    for (n, page) in pages.iter().enumerate() {
        let texts: Vec<&str> = page.texts().collect();
        assert!(texts.contains(&format!("第 {} 页 共 3 页", n + 1).as_str()));
        assert!(texts.contains(&"来源"));
    }
}

#[test]
fn a_box_open_across_a_page_break_is_framed_on_both_pages() {
    let frame = Frame::a4_portrait(20.0);
    let mut flow = Flow::new(&Fixed, frame);
    flow.open_box("专栏1 重点项目", 11.0);
    for n in 0..80 {
        flow.line(&format!("项目{n}"), 10.5, Align::Left);
    }
    flow.close_box();
    assert!(flow.pages.len() >= 2);
    for page in &flow.pages {
        assert!(
            page.items.iter().any(|item| matches!(
                item,
                Item::Rect {
                    stroke: Some(_),
                    fill: None,
                    ..
                }
            )),
            "a page of the box has no frame"
        );
    }
}

#[test]
fn a_narrow_table_takes_a_smaller_size_rather_than_towers_of_one_word() {
    let headers: Vec<String> = ["序号", "用途", "编号", "四至"].map(String::from).to_vec();
    let rows = vec![
        [
            "1",
            "商服用地",
            "411700S50001",
            "东至京广铁路、西至文明大道、南至中华大道、北至雪松大道",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let aligns = [Align::Right, Align::Left, Align::Left, Align::Left];
    // At 9 pt the least widths (2 + 4 + 6 + 2 ems and padding) fill 150 of 180 points.
    let laid = lay_out_table(&Fixed, &headers, &rows, &aligns, 180.0);
    assert!(laid.size < 9.0, "stayed at {} pt", laid.size);
    assert!(laid.widths[3] >= 0.2 * 180.0, "{:?}", laid.widths);
    assert_eq!(
        laid.rows[0].cells[2],
        ["411700S50001"],
        "the code stays whole"
    );
    // With room to spare the largest size is kept.
    let wide = lay_out_table(&Fixed, &headers, &rows, &aligns, 800.0);
    assert_eq!(wide.size, 9.0);
}
