//! The land-price table (附件1 驻马店市中心城区标定地价公示信息表): the titles of its columns,
//! named once here for everything that reads them — validation (楼面单价 = 地面单价 ÷
//! 设定容积率), the cross-check against the 附件2 legends, the schematic, its tooltip, the
//! command line and the synthetic tables of the tests and benches.

/// 序号: the row's printed number.
pub const NUMBER: &str = "序号";
/// 用途: the land use (商服用地, 住宅用地, 工业用地).
pub const USE: &str = "用途";
/// 标定区域编号: the benchmark region's code, e.g. 411700S50001.
pub const REGION_CODE: &str = "标定区域编号";
/// 标定区域四至: the roads and places bounding the region on four sides.
pub const BOUNDS: &str = "标定区域四至";
/// 标准宗地名称: the name of the standard parcel.
pub const PARCEL_NAME: &str = "标准宗地名称";
/// 土地位置: where the parcel lies.
pub const PLACE: &str = "土地位置";
/// 权利类型: the kind of land right.
pub const RIGHT: &str = "权利类型";
/// 土地面积: the parcel's area (m²).
pub const AREA: &str = "土地面积";
/// 设定容积率: the plot ratio the price assumes.
pub const PLOT_RATIO: &str = "设定容积率";
/// 设定开发程度: the state of development the price assumes.
pub const DEVELOPMENT: &str = "设定开发程度";
/// 设定使用年期: the term of use the price assumes.
pub const YEARS: &str = "设定使用年期";
/// 地面单价: the price per m² of land.
pub const LAND_PRICE: &str = "地面单价";
/// 楼面单价: the price per m² of floor area, 地面单价 ÷ 设定容积率.
pub const FLOOR_PRICE: &str = "楼面单价";
