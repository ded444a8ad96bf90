//! Tables drawn out of the plans' prose, written down by hand from a reading of the source.
//!
//! Every number is the printed one; the paragraphs each table comes from carry the ids listed
//! in `decisions::PARAGRAPH_IDS`. The measure and the responsible units of an SME award are
//! read from its paragraph, so they cannot drift from the text.

use gazette_browser::model::{Block, Cell, Column, ColumnKind, Document, Table, TableOrigin};

/// The derived tables: SME awards and targets, pharma targets and layout.
pub fn tables(documents: &[Document]) -> Vec<Table> {
    vec![
        sme_awards(documents),
        sme_targets(),
        pharma_targets(),
        pharma_layout(),
    ]
}

fn column(title: &str, kind: ColumnKind, unit: Option<&str>) -> Column {
    Column {
        title: title.to_owned(),
        kind,
        unit: unit.map(str::to_owned),
    }
}

fn cells(values: &[&str]) -> Vec<Cell> {
    values.iter().map(|v| Cell::from((*v).to_owned())).collect()
}

fn derived(id: &str, title: &str, document: &str, paragraphs: &[&str]) -> Table {
    Table {
        id: id.to_owned(),
        title: title.to_owned(),
        document: document.to_owned(),
        origin: TableOrigin::Derived {
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        },
        columns: Vec::new(),
        rows: Vec::new(),
    }
}

/// The text of the paragraph with this id, anywhere in the documents.
fn paragraph<'a>(documents: &'a [Document], id: &str) -> &'a str {
    documents
        .iter()
        .flat_map(Document::all_blocks)
        .find_map(|block| match block {
            Block::Paragraph {
                id: Some(found),
                text,
            } if found == id => Some(text.as_str()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no paragraph {id}"))
}

/// "2.构建梯度培育体系。建立…" → 构建梯度培育体系.
fn measure(text: &str) -> String {
    let head = text.split('。').next().unwrap_or_default();
    head.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .to_owned()
}

/// The units inside "(责任单位:…)" / "（责任单位：…）", as printed.
fn responsible(text: &str) -> String {
    let (_, rest) = text
        .split_once("责任单位")
        .unwrap_or_else(|| panic!("no 责任单位 in {text}"));
    let rest = rest.trim_start_matches([':', '：']);
    rest.split([')', '）'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// One award: paragraph id, object, level, form, amount (万元), ratio (%), basis, cap (万元),
/// remark.
type Award = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const AWARDS: &[Award] = &[
    (
        "sme-award-tiers",
        "专精特新“小巨人”企业",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新认定；一次性",
    ),
    (
        "sme-award-tiers",
        "专精特新中小企业",
        "省级",
        "奖励",
        "10",
        "",
        "",
        "",
        "新认定；一次性",
    ),
    (
        "sme-award-tiers",
        "创新型中小企业",
        "",
        "奖励",
        "2",
        "",
        "",
        "",
        "新认定；一次性",
    ),
    (
        "sme-award-innovation",
        "技术创新中心",
        "国家级",
        "奖励",
        "500",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "技术创新中心",
        "省级",
        "奖励",
        "300",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "制造业创新中心",
        "国家级",
        "奖励",
        "500",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "制造业创新中心",
        "省级",
        "奖励",
        "300",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "工业设计中心",
        "国家级",
        "奖励",
        "300",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-innovation",
        "工业设计中心",
        "省级",
        "奖励",
        "50",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-innovation",
        "工程（技术）研究中心",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "工程（技术）研究中心",
        "省级",
        "奖励",
        "20",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "企业技术中心",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "企业技术中心",
        "省级",
        "奖励",
        "20",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "工程实验室",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "工程实验室",
        "省级",
        "奖励",
        "20",
        "",
        "",
        "",
        "新获批",
    ),
    (
        "sme-award-innovation",
        "技术创新示范企业",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-innovation",
        "技术创新示范企业",
        "省级",
        "奖励",
        "50",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-new-products",
        "首次购买使用经市科技局备案且在有效期内的重大科技创新产品",
        "",
        "补助",
        "",
        "10",
        "产品首次购买合同金额(以税务机打发票为准)",
        "200",
        "每家补助总额最高不超过200万元",
    ),
    (
        "sme-award-new-products",
        "重大技术装备首台(套)和关键核心零部件、新材料首批次、软件首版次产品的研制单位",
        "",
        "奖励",
        "",
        "10",
        "一定期限内产品实际销售总额",
        "100",
        "",
    ),
    (
        "sme-award-digital",
        "智能工厂",
        "省级",
        "奖励",
        "20",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-digital",
        "智能车间",
        "省级",
        "奖励",
        "10",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-upgrade",
        "设备投资500万元以上的技改项目",
        "",
        "补贴",
        "",
        "10",
        "设备投资（以发票为准）",
        "1000",
        "按照后补助的形式，不高于10%；获得省专项资金支持的项目不再进行补贴",
    ),
    (
        "sme-award-services",
        "小型微型企业创业创新示范基地",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-services",
        "小型微型企业创业创新示范基地",
        "省级",
        "奖励",
        "50",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-services",
        "中小企业公共服务示范平台",
        "国家级",
        "奖励",
        "100",
        "",
        "",
        "",
        "新认定",
    ),
    (
        "sme-award-services",
        "中小企业公共服务示范平台",
        "省级",
        "奖励",
        "50",
        "",
        "",
        "",
        "新认定",
    ),
];

/// One row per award or subsidy of the SME plan, with the units responsible for its measure.
fn sme_awards(documents: &[Document]) -> Table {
    use ColumnKind::*;
    let ids = [
        "sme-award-tiers",
        "sme-award-innovation",
        "sme-award-new-products",
        "sme-award-digital",
        "sme-award-upgrade",
        "sme-award-services",
    ];
    let mut table = derived(
        "sme-awards",
        "优质中小企业奖补一览",
        "sme-plan-notice",
        &ids,
    );
    table.columns = vec![
        column("措施", Text, None),
        column("对象", Text, None),
        column("级别", Category, None),
        column("形式", Category, None),
        column("金额", Decimal, Some("万元")),
        column("比例", Decimal, Some("%")),
        column("基数", Text, None),
        column("上限", Decimal, Some("万元")),
        column("备注", Text, None),
        column("责任单位", Text, None),
    ];
    table.rows = AWARDS
        .iter()
        .map(
            |&(id, object, level, form, amount, ratio, basis, cap, remark)| {
                let text = paragraph(documents, id);
                let (measure, units) = (measure(text), responsible(text));
                let fields = [object, level, form, amount, ratio, basis, cap, remark];
                let mut row = cells(&[measure.as_str()]);
                row.extend(cells(&fields));
                row.extend(cells(&[units.as_str()]));
                row
            },
        )
        .collect();
    table
}

/// The plan's overall target: how many enterprises of each tier by the end of the 14th
/// five-year plan.
fn sme_targets() -> Table {
    use ColumnKind::*;
    let mut table = derived(
        "sme-targets",
        "优质中小企业培育目标",
        "sme-plan-notice",
        &["sme-goal"],
    );
    table.columns = vec![
        column("企业类别", Text, None),
        column("方式", Category, None),
        column("数量", Integer, Some("家")),
        column("口径", Category, None),
        column("时限", Text, None),
    ];
    table.rows = [
        ["创新型中小企业", "培育评价", "600", "以上", "“十四五”末"],
        ["专精特新中小企业", "培育认定", "100", "以上", "“十四五”末"],
        ["专精特新“小巨人”企业", "争创", "10", "以上", "“十四五”末"],
    ]
    .iter()
    .map(|row| cells(row))
    .collect();
    table
}

/// Targets for 2023, 2025 and 2030: year, indicator, the target as printed, lower and upper
/// bound where the text gives numbers, unit.
const PHARMA_TARGETS: &[[&str; 6]] = &[
    ["2023", "生物医药产业规模", "超过150亿元", "150", "", "亿元"],
    [
        "2023",
        "集聚生物医药产业链企业",
        "100家以上",
        "100",
        "",
        "家",
    ],
    ["2023", "新申报创新药临床项目", "1-2项", "1", "2", "项"],
    [
        "2023",
        "通过仿制药一致性评价项目",
        "5-10项",
        "5",
        "10",
        "项",
    ],
    [
        "2023",
        "原料药和医药中间体“超级工厂”",
        "一期建设完成并开始运营",
        "",
        "",
        "",
    ],
    [
        "2023",
        "中药道地药材规范化种植面积",
        "超过30万亩",
        "30",
        "",
        "万亩",
    ],
    [
        "2023",
        "生物医药产业集群",
        "初步形成内涵丰富、结构合理、特色鲜明的生物医药产业集群",
        "",
        "",
        "",
    ],
    ["2025", "生物医药产业规模", "超过500亿元", "500", "", "亿元"],
    [
        "2025",
        "集聚生物医药产业链企业",
        "200家以上",
        "200",
        "",
        "家",
    ],
    [
        "2025",
        "其中原料药和医药中间体企业",
        "50家以上",
        "50",
        "",
        "家",
    ],
    ["2025", "创新药物临床项目", "累计达到10项", "10", "10", "项"],
    [
        "2025",
        "通过仿制药一致性评价项目",
        "累计通过仿制药一致性评价项目超过30项",
        "30",
        "",
        "项",
    ],
    [
        "2025",
        "原料药和医药中间体“超级工厂”",
        "二期启动建设",
        "",
        "",
        "",
    ],
    [
        "2025",
        "高新区医药化工园区",
        "进入国家原料药集中生产基地培育目录",
        "",
        "",
        "",
    ],
    [
        "2025",
        "研发飞地",
        "在生物医药发达地区建成1-3个研发飞地",
        "1",
        "3",
        "个",
    ],
    [
        "2025",
        "特色优势领域",
        "在原料药、医药中间体、现代中药、医疗器械、康复器具、农药兽药、普惠养老等领域形成特色优势",
        "",
        "",
        "",
    ],
    ["2025", "“中国药谷”品牌", "全国知名", "", "", ""],
    [
        "2025",
        "驻马店市",
        "成为河南省生物医药产业发展核心区",
        "",
        "",
        "",
    ],
    ["2030", "生物医药产业规模", "进一步提升", "", "", ""],
    [
        "2030",
        "创新服务平台",
        "打造一批有特色的创新服务平台",
        "",
        "",
        "",
    ],
    [
        "2030",
        "骨干企业",
        "集聚一批有自主创新力的骨干企业",
        "",
        "",
        "",
    ],
    [
        "2030",
        "重磅产品",
        "研发成功一批有市场竞争力的重磅产品",
        "",
        "",
        "",
    ],
    [
        "2030",
        "生物医药产业集群",
        "形成千亿级生物医药产业集群",
        "",
        "",
        "",
    ],
    [
        "2030",
        "原料药和医药中间体“超级工厂”",
        "模式基本成熟，可复制推广",
        "",
        "",
        "",
    ],
    [
        "2030",
        "国家原料药集中生产基地",
        "成功建成国家原料药集中生产基地",
        "",
        "",
        "",
    ],
    ["2030", "生物医药产业生态", "日趋完善", "", "", ""],
    [
        "2030",
        "“中国药谷”",
        "建成优势突出、具有行业影响力的“中国药谷”",
        "",
        "",
        "",
    ],
    [
        "2030",
        "生物医药产业",
        "成为驻马店市新的城市名片",
        "",
        "",
        "",
    ],
];

fn pharma_targets() -> Table {
    use ColumnKind::*;
    let mut table = derived(
        "pharma-targets",
        "“中国药谷”发展目标（2023年、2025年、2030年）",
        "pharma-plan-notice",
        &["pharma-goal-2023", "pharma-goal-2025", "pharma-goal-2030"],
    );
    table.columns = vec![
        column("年份", Integer, None),
        column("指标", Text, None),
        column("目标", Text, None),
        column("下限", Decimal, None),
        column("上限", Decimal, None),
        column("单位", Category, None),
    ];
    table.rows = PHARMA_TARGETS.iter().map(|row| cells(row)).collect();
    table
}

/// 专栏 1: the "一核四极多点" layout, one row per park of the core, per pole and for the
/// points.
const PHARMA_LAYOUT: &[[&str; 4]] = &[
    [
        "一核",
        "高新区原料药及高端制剂产业园",
        "原料药和医药中间体、高质量仿制药、创新化药",
        "",
    ],
    [
        "一核",
        "高新区兽药产业园",
        "兽用疫苗、兽用化药、兽药原料药和兽用中药",
        "",
    ],
    [
        "一核",
        "高新区农药产业园",
        "绿色农药、生物农药及其原料药",
        "",
    ],
    [
        "一核",
        "高新区医疗器械产业园",
        "康复辅助器具、体外诊断产品",
        "",
    ],
    [
        "四极",
        "确山县",
        "现代中药、中药饮片、仿制药",
        "丰惠生物、全宇生物、天源中药",
    ],
    [
        "四极",
        "新蔡县",
        "现代中药、高质量仿制药",
        "爱民药业、龟鹿药业",
    ],
    [
        "四极",
        "泌阳县",
        "中成药、兽用中药、医疗器械",
        "寿如松、河南牧隆",
    ],
    [
        "四极",
        "驻马店市经济技术开发区",
        "医疗设备、医用耗材、康复辅助器具、体外诊断产品、生化药品",
        "长荣医疗、欣泰药业",
    ],
    [
        "多点",
        "遂平、西平、上蔡、汝南、平舆、正阳等县",
        "道地药材种植、中药深加工、中成药、中药衍生产品、中药服务、畜禽加工副产品",
        "",
    ],
];

fn pharma_layout() -> Table {
    use ColumnKind::*;
    let mut table = derived(
        "pharma-layout",
        "“1+4+X”“一核四极多点”产业布局",
        "pharma-plan-notice",
        &[
            "pharma-layout-core",
            "pharma-layout-poles",
            "pharma-layout-points",
        ],
    );
    table.columns = vec![
        column("层级", Category, None),
        column("地点", Text, None),
        column("产业", Text, None),
        column("龙头企业", Text, None),
    ];
    table.rows = PHARMA_LAYOUT.iter().map(|row| cells(row)).collect();
    table
}
