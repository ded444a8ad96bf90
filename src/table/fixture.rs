//! A few rows of 附件1 (标定地价公示信息表), copied from the source text, with the printed
//! columns that matter for sorting, filtering and export. Row 12 has a blank 标准宗地名称 to pin
//! down "blanks last".

use crate::model::{Cell, Column, ColumnKind, Table, TableOrigin};

fn column(title: &str, kind: ColumnKind, unit: Option<&str>) -> Column {
    Column {
        title: title.to_owned(),
        kind,
        unit: unit.map(str::to_owned),
    }
}

/// The fixture table: 13 rows × 8 columns.
pub(crate) fn land_prices() -> Table {
    use ColumnKind::*;
    let rows = [
        [
            "1",
            "商服用地",
            "411700S50001",
            "中乐国际公馆沿街商铺",
            "3298.21",
            "2",
            "4520",
            "2260",
        ],
        [
            "2",
            "商服用地",
            "411700S50002",
            "鼎盛新城沿街商铺",
            "2234.06",
            "2",
            "4415",
            "2208",
        ],
        [
            "3",
            "商服用地",
            "411700S50003",
            "御苑城沿街商铺",
            "10018.43",
            "2",
            "4300",
            "2150",
        ],
        [
            "4",
            "商服用地",
            "411700S50004",
            "爱家会展国际公寓底商",
            "15983.65",
            "2.4",
            "4260",
            "1775",
        ],
        [
            "5",
            "商服用地",
            "411700S50005",
            "锦桂苑沿街商铺",
            "2380.34",
            "2.1",
            "3785",
            "1802",
        ],
        [
            "6",
            "商服用地",
            "411700S50006",
            "置地国际广场",
            "40455.04",
            "3.5",
            "4520",
            "1291",
        ],
        [
            "28",
            "住宅用地",
            "411700Z70001",
            "西班牙小镇",
            "94008.28",
            "3",
            "5595",
            "1865",
        ],
        [
            "29",
            "住宅用地",
            "411700Z70002",
            "置地弘润山",
            "55492.67",
            "3",
            "5505",
            "1835",
        ],
        [
            "30",
            "住宅用地",
            "411700Z70003",
            "昌建誉峰",
            "39235.66",
            "3.2",
            "5640",
            "1763",
        ],
        [
            "32",
            "住宅用地",
            "411700Z70005",
            "新世达上河郡",
            "74399.73",
            "2.5",
            "4650",
            "1860",
        ],
        [
            "55",
            "工业用地",
            "411700G60001",
            "驻马店广大鸿远车业有限公司",
            "168658.88",
            "1",
            "361",
            "--",
        ],
        [
            "56",
            "工业用地",
            "411700G60002",
            "驻马店市永创生态复合材料有限公司",
            "40659.36",
            "0.8",
            "372",
            "--",
        ],
        [
            "41",
            "住宅用地",
            "411700Z70014",
            "",
            "77120.76",
            "2.7",
            "3945",
            "1461",
        ],
    ];
    Table {
        id: "land-prices".to_owned(),
        title: "驻马店市中心城区标定地价公示信息表".to_owned(),
        document: "land-price-notice".to_owned(),
        origin: TableOrigin::Printed {
            place: "附件1".to_owned(),
        },
        columns: vec![
            column("序号", Integer, None),
            column("用途", Category, None),
            column("标定区域编号", Code, None),
            column("标准宗地名称", Text, None),
            column("土地面积", Decimal, Some("m²")),
            column("设定容积率", Decimal, None),
            column("地面单价", Integer, Some("元/m²")),
            column("楼面单价", Integer, Some("元/m²")),
        ],
        rows: rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|text| Cell::from(text.to_string()))
                    .collect()
            })
            .collect(),
    }
}
