//! Native benchmark of the lookup engine on synthetic dictionaries.
//!
//! Run with `cargo run --release --example bench`. Prints one figure per
//! line as `name: value unit`, e.g. `native_build_100k: 42.1 ms`.
//!
//! Builds are timed [`BUILDS`] times and the median reported. Each query is
//! timed once per round over [`ROUNDS`] rounds of the whole query set and its
//! fastest time kept, which filters out pauses caused by other processes;
//! percentiles are then taken over the queries.

use std::hint::black_box;
use std::time::Instant;

use tg_lookup::{synthetic, Index, MatchKind};

/// Queries per kind and dictionary size.
const QUERIES: usize = 2000;
/// Builds timed per size (the median is reported).
const BUILDS: usize = 5;
/// Rounds over each query set (the fastest time per query is kept).
const ROUNDS: usize = 3;

fn main() {
    let content = treatment_guide::built_in::content();
    for (label, n) in [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)] {
        let names = synthetic::dictionary(&content, n, 0x5EED);
        let mut builds = Vec::new();
        let mut index = Index::build(Vec::new());
        for _ in 0..BUILDS {
            let copy = names.clone();
            let start = Instant::now();
            index = black_box(Index::build(copy));
            builds.push(start.elapsed().as_secs_f64() * 1e3);
        }
        println!("native_build_{label}: {:.1} ms", median(&mut builds));
        for (kind_label, kind) in [
            ("exact", MatchKind::Exact),
            ("prefix", MatchKind::Prefix),
            ("typo", MatchKind::Typo),
            ("words", MatchKind::Words),
            ("sound", MatchKind::SoundsLike),
        ] {
            let queries = synthetic::queries(&names, kind, QUERIES, 0xBEEF);
            let mut times = vec![f64::INFINITY; queries.len()];
            let mut found = 0;
            for round in 0..ROUNDS {
                for (q, best) in queries.iter().zip(&mut times) {
                    let start = Instant::now();
                    let hits = black_box(index.search(black_box(q), 10));
                    *best = best.min(start.elapsed().as_secs_f64() * 1e6);
                    if round == 0 {
                        found += usize::from(!hits.is_empty());
                    }
                }
            }
            times.sort_by(f64::total_cmp);
            println!(
                "native_{kind_label}_p50_{label}: {:.1} us",
                percentile(&times, 50)
            );
            println!(
                "native_{kind_label}_p95_{label}: {:.1} us",
                percentile(&times, 95)
            );
            println!(
                "native_{kind_label}_max_{label}: {:.1} us",
                percentile(&times, 100)
            );
            println!(
                "native_{kind_label}_found_{label}: {:.1} %",
                100.0 * found as f64 / queries.len() as f64
            );
        }
        let bytes = index.heap_bytes();
        println!("native_index_bytes_{label}: {bytes} bytes");
        println!(
            "native_index_bytes_per_name_{label}: {:.1} bytes",
            bytes as f64 / n as f64
        );
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The `p`-th percentile of sorted `values` (nearest rank).
fn percentile(sorted: &[f64], p: usize) -> f64 {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}
