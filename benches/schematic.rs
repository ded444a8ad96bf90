//! Laying out the schematic of a city of 100 / 400 / 1,000 benchmark regions on distinct roads
//! (`gazette_browser::synthetic::city_regions`): the road layout, which the window waits for
//! before it can draw the map (computed on the rayon pool for big cities), and the placement of
//! every number and road name on the all-uses map fitted to a 1366×768 window, which the
//! window redoes when the zoom changes. Figures: `benches/README.md`.

/// The app's allocator (see src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gazette_browser::schematic::layout;
use gazette_browser::schematic::map::MapView;
use gazette_browser::schematic::scene::{fit, scene};
use gazette_browser::schematic::view::ScreenRect;
use gazette_browser::synthetic::city_regions;
use std::hint::black_box;

const SIZES: [usize; 3] = [100, 400, 1_000];

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("schematic_layout");
    group.sample_size(10);
    for count in SIZES {
        let regions = city_regions(count, 2023);
        group.bench_with_input(
            BenchmarkId::from_parameter(count),
            &regions,
            |b, regions| b.iter(|| black_box(layout(regions))),
        );
    }
    group.finish();
}

fn scenes(c: &mut Criterion) {
    let mut group = c.benchmark_group("schematic_scene_all_uses_1366x768");
    group.sample_size(10);
    // The canvas a 1366×768 window gives the map.
    let area = ScreenRect {
        left: 0.0,
        top: 0.0,
        right: 1366.0,
        bottom: 568.0,
    };
    for count in SIZES {
        let laid_out = layout(&city_regions(count, 2023));
        let view = MapView::AllUses;
        let transform = fit(&laid_out, &view, area);
        group.bench_with_input(
            BenchmarkId::from_parameter(count),
            &laid_out,
            |b, laid_out| b.iter(|| black_box(scene(laid_out, &view, transform))),
        );
    }
    group.finish();
}

criterion_group!(benches, layouts, scenes);
criterion_main!(benches);
