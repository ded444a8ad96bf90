//! Frame time of the app's window with one renderer, for the renderer figures in
//! benches/README.md: opens the window on the 标定地价 table (the heaviest view) with the
//! renderer named by the first argument (`glow`, or `wgpu` in a build with the feature),
//! repaints without pause, and after the fonts are in and 30 frames of warm-up prints the
//! median and 90th-percentile interval of the next 300 frames, then closes.
//!
//!   cargo run --release --example renderer_frames -- glow
//!
//! Under Xvfb every renderer draws in software (Mesa's llvmpipe for OpenGL, lavapipe for
//! Vulkan), which is what a PC without a GPU driver does too.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool: fail loudly

use eframe::egui;
use gazette_browser::ui::{App, RunOptions};
use std::time::{Duration, Instant};

const WARM_UP: usize = 30;
const MEASURED: usize = 300;

struct Measured {
    app: App,
    last: Option<Instant>,
    intervals: Vec<Duration>,
}

impl eframe::App for Measured {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        let now = Instant::now();
        if let Some(last) = self.last.replace(now) {
            self.intervals.push(now - last);
        }
        if self.intervals.len() >= WARM_UP + MEASURED {
            report(&mut self.intervals[WARM_UP..]);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }
}

fn report(intervals: &mut [Duration]) {
    intervals.sort();
    let at = |q: f64| intervals[((intervals.len() - 1) as f64 * q) as usize];
    println!(
        "frames: {} measured, median {:.2} ms, p90 {:.2} ms",
        intervals.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3
    );
}

fn main() {
    let renderer = match std::env::args().nth(1).as_deref() {
        #[cfg(feature = "wgpu")]
        Some("wgpu") => eframe::Renderer::Wgpu,
        Some("glow") | None => eframe::Renderer::Glow,
        Some(other) => panic!("renderer {other} is not in this build"),
    };
    let gazette = gazette_browser::model::load::embedded().unwrap();
    let options = RunOptions {
        tab: Some("land-price-notice".into()),
        view: Some("table".into()),
        ..Default::default()
    };
    let native = eframe::NativeOptions {
        renderer,
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "renderer frames",
        native,
        Box::new(move |cc| {
            // No storage: every run starts from the same state.
            let _ = cc;
            let mut app = App::new(gazette, None);
            app.apply_options(&options);
            Ok(Box::new(Measured {
                app,
                last: None,
                intervals: Vec::new(),
            }))
        }),
    )
    .unwrap();
}
