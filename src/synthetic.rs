//! Large, valid gazettes for performance work: the bundled issue with its `land-prices` table
//! grown to any number of plausible rows.
//!
//! Rows follow the printed table's shape: the three uses in the printed proportions, codes of
//! the printed pattern, 四至 drawn from the printed road names, prices in the printed ranges and
//! 楼面单价 = 地面单价 ÷ 设定容积率 (rounded) so that the file validates. The interpretation's
//! stated region counts are rewritten to match, as validation requires. The output depends
//! only on the row count and the seed. Used by `examples/synthetic_gazette.rs` and the
//! benchmarks.

use crate::model::validate::{expected_floor_price, parse_decimal};
use crate::model::{Block, Cell, Gazette, Table, land_price};

/// Id of the table that is grown.
pub const GROWN_TABLE: &str = "land-prices";

/// Replaces the rows of `gazette`'s land-price table with `rows` synthetic rows.
pub fn grow_land_prices(gazette: &mut Gazette, rows: usize, seed: u64) -> Result<(), String> {
    let table = gazette
        .tables
        .iter_mut()
        .find(|t| t.id == GROWN_TABLE)
        .ok_or_else(|| format!("the gazette has no {GROWN_TABLE} table"))?;
    let mut random = XorShift(seed.max(1));
    let uses = grow_table(table, rows, &mut random);
    restate_counts(gazette, &uses);
    Ok(())
}

/// A tiny deterministic generator, so the file is the same on every machine.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NORTH_SOUTH: &[&str] = &[
    "京广铁路",
    "文明大道",
    "学院路",
    "富强路",
    "驿城大道",
    "石武高铁",
    "天中山大道",
    "前进大道",
    "兴业大道",
    "金顶山路",
    "中原大道",
    "迎宾大道",
    "蔡州大道",
    "骏马路",
];
const EAST_WEST: &[&str] = &[
    "中华大道",
    "雪松大道",
    "置地大道",
    "开源大道",
    "慎阳路",
    "练江大道",
    "练江河",
    "板桥路",
    "汝河大道",
    "创业大道",
    "建设大道",
    "吴房路",
    "古吕路",
    "东河路",
];
const NAMES: &[&str] = &[
    "锦桂苑",
    "置地国际广场",
    "建业城",
    "龙湾世家",
    "天顺花园",
    "金水湾",
    "凯腾花园",
    "练江花园",
];
const CORNERS: &[&str] = &["东南角", "西南角", "东北角", "西北角", "东南侧", "西北侧"];

/// One of the three uses with its code letter, term, price range and plot ratios.
struct UseProfile {
    name: &'static str,
    code: &'static str,
    years: &'static str,
    price: (usize, usize),
    ratios: &'static [&'static str],
    priced_floor: bool,
}

const USES: [UseProfile; 3] = [
    UseProfile {
        name: "商服用地",
        code: "S5",
        years: "40",
        price: (1500, 4600),
        ratios: &["1.2", "1.5", "1.8", "2", "2.2", "2.4", "3.2", "3.5"],
        priced_floor: true,
    },
    UseProfile {
        name: "住宅用地",
        code: "Z7",
        years: "70",
        price: (2500, 5500),
        ratios: &["1.9", "2", "2.42", "2.6", "2.7", "3", "3.5"],
        priced_floor: true,
    },
    UseProfile {
        name: "工业用地",
        code: "G6",
        years: "50",
        price: (350, 390),
        ratios: &["0.7", "0.8", "1"],
        priced_floor: false,
    },
];

/// Replaces the table's rows with `rows` synthetic ones; returns the count per use.
fn grow_table(table: &mut Table, rows: usize, random: &mut XorShift) -> [usize; 3] {
    let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    let width = rows.to_string().len().max(4);
    let mut counts = [0usize; 3];
    table.rows = (0..rows)
        .map(|index| {
            // The printed proportions: 27 commercial, 27 residential, 12 industrial of 66.
            let profile = match random.below(66) {
                0..=26 => 0,
                27..=53 => 1,
                _ => 2,
            };
            counts[profile] += 1;
            let cells = synthetic_row(&USES[profile], index, counts[profile], width, random);
            titles
                .iter()
                .map(|title| Cell::from(cells(title)))
                .collect()
        })
        .collect();
    counts
}

/// The cells of one row, by column title.
fn synthetic_row(
    profile: &UseProfile,
    index: usize,
    sequence: usize,
    width: usize,
    random: &mut XorShift,
) -> impl Fn(&str) -> String {
    let west = random.below(NORTH_SOUTH.len() - 1);
    let east = west + 1 + random.below(NORTH_SOUTH.len() - west - 1);
    let south = random.below(EAST_WEST.len() - 1);
    let north = south + 1 + random.below(EAST_WEST.len() - south - 1);
    let bounds = format!(
        "东至{}、西至{}、南至{}、北至{}",
        NORTH_SOUTH[east], NORTH_SOUTH[west], EAST_WEST[south], EAST_WEST[north]
    );
    let place = format!(
        "{}与{}交叉口{}",
        random.pick(NORTH_SOUTH),
        random.pick(EAST_WEST),
        random.pick(CORNERS)
    );
    let name = format!("{}{}期", random.pick(NAMES), 1 + random.below(9));
    let area = format!("{}.{:02}", 1000 + random.below(200_000), random.below(100));
    let area = area.trim_end_matches('0').trim_end_matches('.').to_owned();
    let ratio = random.pick(profile.ratios).to_owned();
    let price = profile.price.0 + random.below(profile.price.1 - profile.price.0 + 1);
    let development = random.pick(&["七通一平", "六通一平"]).to_owned();
    let floor = if profile.priced_floor {
        parse_decimal(&ratio)
            .and_then(|r| expected_floor_price(price as i64, r))
            .map_or_else(String::new, |f| f.to_string())
    } else {
        "--".to_owned()
    };
    let code = format!("411700{}{:0width$}", profile.code, sequence);
    let land_use = profile.name;
    let years = profile.years;
    move |title: &str| match title {
        land_price::NUMBER => (index + 1).to_string(),
        land_price::USE => land_use.to_owned(),
        land_price::REGION_CODE => code.clone(),
        land_price::BOUNDS => bounds.clone(),
        land_price::PARCEL_NAME => name.clone(),
        land_price::PLACE => place.clone(),
        land_price::RIGHT => "出让".to_owned(),
        land_price::AREA => area.clone(),
        land_price::PLOT_RATIO => ratio.clone(),
        land_price::DEVELOPMENT => development.clone(),
        land_price::YEARS => years.to_owned(),
        land_price::LAND_PRICE => price.to_string(),
        land_price::FLOOR_PRICE => floor.clone(),
        _ => String::new(),
    }
}

/// Rewrites the interpretation sentence that states the region counts, so the file validates.
fn restate_counts(gazette: &mut Gazette, counts: &[usize; 3]) {
    let total: usize = counts.iter().sum();
    let sentence = format!(
        "市中心城区标定地价共划分{total}个标定区域,其中商服{}个,住宅{}个,工业{}个。",
        counts[0], counts[1], counts[2]
    );
    for document in &mut gazette.documents {
        for attachment_or_body in std::iter::once(&mut document.body)
            .chain(document.attachments.iter_mut().map(|a| &mut a.body))
        {
            restate_in(attachment_or_body, &sentence);
        }
    }
}

fn restate_in(blocks: &mut [Block], sentence: &str) {
    for block in blocks {
        match block {
            Block::Paragraph { text, .. } if text.contains("共划分") => {
                *text = sentence.to_owned()
            }
            Block::Box { blocks, .. } => restate_in(blocks, sentence),
            _ => {}
        }
    }
}

/// A city of `count` benchmark regions on distinct roads, for the schematic's benchmarks and
/// its scaling tests: blocks in a square grid, north–south roads named per band of three
/// block rows and east–west roads per band of three block columns (so the number of roads
/// grows with the regions, as in a real city), one 住宅 or 工业 region per block, and a 商服
/// region over every other block of every other row spanning two by two blocks, as commercial
/// zones overlay others. No two regions of one use overlap.
pub fn city_regions(count: usize, seed: u64) -> Vec<crate::schematic::RegionInput> {
    const CITY_USES: [(&str, f64, f64); 3] = [
        ("商服用地", 2000.0, 8000.0),
        ("住宅用地", 1500.0, 5000.0),
        ("工业用地", 350.0, 400.0),
    ];
    let mut random = XorShift(seed.max(1));
    let side = (count as f64).sqrt().ceil().max(1.0) as usize;
    let north_south = |column: usize, row: usize| format!("{}区经{column}路", row / 3 + 1);
    let east_west = |row: usize, column: usize| format!("{}片纬{row}路", column / 3 + 1);
    let mut regions = Vec::with_capacity(count);
    for index in 0..count {
        let (column, row) = (index % side, index / side);
        let overlay = column % 2 == 0 && row % 2 == 0;
        let spans: &[(usize, &str)] = if overlay {
            &[(1, ""), (2, "商服用地")]
        } else {
            &[(1, "")]
        };
        for &(span, forced_use) in spans {
            let (name, low, high) = if forced_use.is_empty() {
                CITY_USES[1 + random.below(CITY_USES.len() - 1)]
            } else {
                CITY_USES[0]
            };
            let bounds = format!(
                "东至{}、西至{}、南至{}、北至{}",
                north_south(column + span, row),
                north_south(column, row),
                east_west(row, column),
                east_west(row + span, column),
            );
            let number = regions.len();
            regions.push(crate::schematic::RegionInput {
                row: number,
                label: (number + 1).to_string(),
                code: format!("C{number:05}"),
                land_use: name.to_owned(),
                bounds,
                price: Some((low + (high - low) * random.below(1000) as f64 / 1000.0).round()),
            });
        }
    }
    regions.truncate(count);
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grown_gazette_is_valid_and_states_its_counts() {
        let mut gazette = crate::model::load::embedded().unwrap();
        grow_land_prices(&mut gazette, 500, 7).unwrap();
        let text = ron::to_string(&gazette).unwrap();
        let reloaded = crate::model::load::parse_str(&text, "grown.ron").unwrap();
        let table = reloaded.table(GROWN_TABLE).unwrap();
        assert_eq!(table.rows.len(), 500);
        assert!(text.contains("共划分500个标定区域"));
    }

    #[test]
    fn growth_is_deterministic() {
        let grow = |seed| {
            let mut gazette = crate::model::load::embedded().unwrap();
            grow_land_prices(&mut gazette, 50, seed).unwrap();
            gazette
        };
        assert_eq!(grow(1), grow(1));
        assert_ne!(grow(1), grow(2));
    }
}
