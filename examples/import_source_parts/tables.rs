//! The tables printed in the source: 附件1 and the two 附件2 legends.

use super::source::{Source, squeeze};
use gazette_browser::model::{Cell, Column, ColumnKind, Table, TableOrigin};

/// The three printed tables.
pub fn printed(source: &Source) -> Vec<Table> {
    vec![
        land_prices(source),
        legend_residential(source),
        legend_industrial(source),
    ]
}

fn column(title: &str, kind: ColumnKind, unit: Option<&str>) -> Column {
    Column {
        title: title.to_owned(),
        kind,
        unit: unit.map(str::to_owned),
    }
}

fn land_price_columns() -> Vec<Column> {
    use ColumnKind::*;
    vec![
        column("序号", Integer, None),
        column("用途", Category, None),
        column("标定区域编号", Code, None),
        column("标定区域四至", Text, None),
        column("标准宗地名称", Text, None),
        column("土地位置", Text, None),
        column("权利类型", Category, None),
        column("土地面积", Decimal, Some("m²")),
        column("设定容积率", Decimal, None),
        column("设定开发程度", Category, None),
        column("设定使用年期", Integer, None),
        column("地面单价", Integer, Some("元/m²")),
        column("楼面单价", Integer, Some("元/m²")),
    ]
}

/// 附件1: 66 rows × 13 columns. The header is repeated on every printed page, twice misspelt
/// (标区区域编号, 标区区域四至); it is kept once, as spelt on line 114.
fn land_prices(source: &Source) -> Table {
    let columns = land_price_columns();
    let header: Vec<String> = columns.iter().map(|c| squeeze(&c.header())).collect();
    let mut rows = Vec::new();
    for n in 114..=193 {
        let line = source.line(n);
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells[0] == "序号" {
            let printed: Vec<String> = cells.iter().map(|c| squeeze(c)).collect();
            let misspelt = |i: usize| printed[i].replace("标区区域", "标定区域") == header[i];
            assert!(
                (0..13).all(|i| printed[i] == header[i] || misspelt(i)),
                "{line}"
            );
            continue;
        }
        rows.push(row(line, 13));
    }
    assert_eq!(rows.len(), 66);
    Table {
        id: "land-prices".to_owned(),
        title: squeeze(source.expect(112, "驻马店市中心城区标定地价公示信息表")),
        document: "land-price-notice".to_owned(),
        origin: TableOrigin::Printed {
            place: "附件1".to_owned(),
        },
        columns,
        rows,
    }
}

/// A tab-separated source row, each cell exactly as printed.
fn row(line: &str, width: usize) -> Vec<Cell> {
    let cells: Vec<Cell> = line
        .split('\t')
        .map(|cell| Cell::from(cell.to_owned()))
        .collect();
    assert_eq!(cells.len(), width, "{line}");
    cells
}

/// Rows of a legend between `first` and `last`, skipping its repeated header lines.
fn legend_rows(source: &Source, first: usize, last: usize, header: &str) -> Vec<Vec<Cell>> {
    let width = header.split('\t').count();
    source
        .non_blank(first, last)
        .into_iter()
        .map(|n| source.line(n))
        .filter(|line| {
            let is_header = *line == header;
            assert!(is_header || !line.starts_with("序号"), "{line}");
            !is_header
        })
        .map(|line| row(line, width))
        .collect()
}

/// The legend of the residential map in 附件2: 40 rows, every price printed as 3000.
fn legend_residential(source: &Source) -> Table {
    use ColumnKind::*;
    let header = "序号\t标定区域\t标定地价";
    source.expect(212, header);
    let rows = legend_rows(source, 212, 255, header);
    assert_eq!(rows.len(), 40);
    Table {
        id: "legend-residential".to_owned(),
        title: "驻马店市中心城区住宅用地标定区域与标定地价图 图例".to_owned(),
        document: "land-price-notice".to_owned(),
        origin: TableOrigin::Printed {
            place: "附件2 住宅用地标定区域与标定地价图".to_owned(),
        },
        columns: vec![
            column("序号", Integer, None),
            column("标定区域", Code, None),
            column("标定地价", Integer, None),
        ],
        rows,
    }
}

/// The legend of the industrial map in 附件2: 12 rows, whose 标定地价 and 备注 columns hold
/// what looks like 附件1's 容积率 and a price; kept as printed.
fn legend_industrial(source: &Source) -> Table {
    use ColumnKind::*;
    let header = "序号\t标定区域编号\t标定区域名称\t标定地价 元/平方米\t备注";
    source.expect(267, header);
    let rows = legend_rows(source, 267, 279, header);
    assert_eq!(rows.len(), 12);
    Table {
        id: "legend-industrial".to_owned(),
        title: "驻马店市中心城区工业用地标定区域与标定地价图 图例".to_owned(),
        document: "land-price-notice".to_owned(),
        origin: TableOrigin::Printed {
            place: "附件2 工业用地标定区域与标定地价图".to_owned(),
        },
        columns: vec![
            column("序号", Integer, None),
            column("标定区域编号", Code, None),
            column("标定区域名称", Text, None),
            column("标定地价", Decimal, Some("元/平方米")),
            column("备注", Text, None),
        ],
        rows,
    }
}
