//! Laying out the schematic of a city of 100 / 400 / 1,000 benchmark regions on distinct roads
//! (`gazette_browser::synthetic::city_regions`), and the bundled issue's 66. The layout is what
//! the window waits for before it can draw the map. Figures: `benches/README.md`.

/// The app's allocator (see src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gazette_browser::schematic::layout;
use gazette_browser::synthetic::city_regions;
use std::hint::black_box;

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("schematic_layout");
    group.sample_size(10);
    for count in [100, 400, 1_000] {
        let regions = city_regions(count, 2023);
        group.bench_with_input(
            BenchmarkId::from_parameter(count),
            &regions,
            |b, regions| b.iter(|| black_box(layout(regions))),
        );
    }
    group.finish();
}

criterion_group!(benches, layouts);
criterion_main!(benches);
