//! A bare eframe window built with the same features as the app: the yardstick for startup time
//! (issue 7: the app's window must appear within 1.3 × this one's time). See benches/README.md.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_ui_native("bare eframe window", options, |ui, _frame| {
        ui.label("bare eframe window");
    })
}
