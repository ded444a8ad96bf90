//! The 概览 tab: the cover and masthead, the contents page (a click opens the document), the
//! editorial board and colophon, the errata this data records and where the data came from.

use super::Nav;
use super::strings::{Lang, Strings, fill};
use crate::model::{Category, Gazette};
use eframe::egui::{self, RichText};

/// Widest the overview column grows, in points.
const MEASURE: f32 = 820.0;

/// Draws the overview; returns the document a contents entry asked to open.
pub fn show(ui: &mut egui::Ui, gazette: &Gazette, lang: Lang) -> Option<Nav> {
    let text = lang.strings();
    let mut nav = None;
    egui::ScrollArea::vertical()
        .id_salt("overview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let available = ui.available_width();
            let measure = available.min(MEASURE);
            ui.horizontal(|ui| {
                ui.add_space(((available - measure) / 2.0).max(0.0));
                ui.vertical(|ui| {
                    ui.set_max_width(measure);
                    cover(ui, gazette, text);
                    nav = contents(ui, gazette, text);
                    facts(ui, gazette, text);
                    errata(ui, gazette, text);
                    provenance(ui, gazette, text);
                    ui.add_space(24.0);
                });
            });
        });
    nav
}

fn cover(ui: &mut egui::Ui, gazette: &Gazette, text: &Strings) {
    let issue = &gazette.issue;
    ui.add_space(16.0);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(&issue.title)
                .size(32.0)
                .strong()
                .color(egui::Color32::from_rgb(190, 30, 36)),
        );
        ui.label(RichText::new(&issue.title_en).size(13.0).weak());
        ui.add_space(6.0);
        let number = format!(
            "{}年第{}号（{}）",
            issue.year,
            issue.number,
            fill(text.cumulative, issue.cumulative_number)
        );
        ui.label(RichText::new(number).size(18.0));
        if !issue.labels.is_empty() {
            ui.label(RichText::new(issue.labels.join("　")).weak());
        }
        if !issue.mottos.is_empty() {
            ui.label(RichText::new(issue.mottos.join("　")).weak());
        }
    });
    ui.add_space(12.0);
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(14.0);
    ui.label(RichText::new(title).size(18.0).strong());
    ui.separator();
}

/// The contents page, section by section, with page numbers; a click opens the document.
fn contents(ui: &mut egui::Ui, gazette: &Gazette, text: &Strings) -> Option<Nav> {
    section(ui, text.contents);
    let mut nav = None;
    let mut category: Option<Category> = None;
    for entry in &gazette.contents {
        if category != Some(entry.category) {
            category = Some(entry.category);
            ui.add_space(4.0);
            ui.label(RichText::new(entry.category.printed_name()).strong());
        }
        let clicked = ui
            .horizontal(|ui| {
                ui.add_space(16.0);
                let link = ui.add(
                    egui::Label::new(RichText::new(&entry.title).size(15.0))
                        .sense(egui::Sense::click())
                        .wrap(),
                );
                let link = link.on_hover_cursor(egui::CursorIcon::PointingHand);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(fill(text.page, entry.page)).weak());
                });
                link.clicked()
            })
            .inner;
        if clicked {
            nav = Some(Nav::Document(entry.document.clone()));
        }
    }
    nav
}

fn facts(ui: &mut egui::Ui, gazette: &Gazette, text: &Strings) {
    let issue = &gazette.issue;
    let board = &issue.editorial_board;
    section(ui, text.editorial_board);
    egui::Grid::new("issue-facts")
        .num_columns(2)
        .spacing([18.0, 6.0])
        .show(ui, |ui| {
            let mut row = |label: &str, value: String| {
                ui.label(RichText::new(label).weak());
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            };
            row(text.sponsor, issue.sponsor.clone());
            row(text.editor, issue.editor.clone());
            row(text.published, issue.published.chinese());
            row(text.board_members, board.members.join("　"));
            row(text.chief_editor, board.chief_editor.clone());
            row(
                text.deputy_chief_editors,
                board.deputy_chief_editors.join("　"),
            );
            row(text.editors, board.editors.join("　"));
            let distribution = format!(
                "{}（{}）",
                issue.distribution.scope,
                fill(text.copies, issue.distribution.copies)
            );
            row(text.distribution, distribution);
            for line in &issue.colophon {
                row(&line.label, line.value.clone());
            }
        });
}

fn errata(ui: &mut egui::Ui, gazette: &Gazette, text: &Strings) {
    section(ui, text.errata);
    if gazette.errata.is_empty() {
        ui.label(text.errata_none);
    }
    for erratum in &gazette.errata {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&erratum.place).strong());
            ui.label(format!("{}：{}", text.erratum_printed, erratum.printed));
            ui.label(format!("{}：{}", text.erratum_corrected, erratum.corrected));
            ui.add(egui::Label::new(format!("{}：{}", text.erratum_reason, erratum.reason)).wrap());
        });
    }
}

fn provenance(ui: &mut egui::Ui, gazette: &Gazette, text: &Strings) {
    section(ui, text.provenance);
    let provenance = &gazette.provenance;
    ui.add(egui::Label::new(format!("{}：{}", text.provenance_source, provenance.source)).wrap());
    ui.add(egui::Label::new(format!("{}：{}", text.provenance_method, provenance.method)).wrap());
}
