//! Work over a big slice split across the cores: the two-core office PCs this runs on do a
//! million-row pass in about half the time, and a small table stays on the calling thread.

/// Maps consecutive runs of `items`, one per core and each at least `min_len` long, on their
/// own threads; `map` gets the index of its run's first item and the run. Results come back in
/// order. Inputs no longer than `min_len` are mapped on the calling thread. A panic in `map`
/// is passed on to the caller, as if `map` had run there.
pub fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    min_len: usize,
    map: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_THREADS);
    let chunk = items.len().div_ceil(threads).max(min_len.max(1));
    if items.len() <= chunk {
        return vec![map(0, items)];
    }
    std::thread::scope(|scope| {
        let map = &map;
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(index, run)| scope.spawn(move || map(index * chunk, run)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect()
    })
}

/// Threads beyond this gain little on a memory-bound pass.
const MAX_THREADS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_every_item_once_in_order() {
        let items: Vec<usize> = (0..250_001).collect();
        let runs = map_chunks(&items, 1000, |first, run| {
            assert_eq!(run[0], first, "the offset is the run's first item");
            run.to_vec()
        });
        assert_eq!(runs.concat(), items);
        assert_eq!(map_chunks(&items[..10], 1000, |_, run| run.len()), [10]);
        assert_eq!(map_chunks::<u8, usize>(&[], 1000, |_, run| run.len()), [0]);
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items = vec![0u8; 10_000];
        map_chunks(&items, 10, |first, _| assert!(first == 0, "boom"));
    }
}
