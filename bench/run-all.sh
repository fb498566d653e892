#!/usr/bin/env bash
# The whole benchmark suite in one command: installs the peers from Debian, builds the programs,
# runs every pair (3 rounds, alternating) and writes the tables into docs/benchmarks.md.
#
#   bench/run-all.sh                 # full suite (about an hour on 2 cores)
#   bench/run-all.sh --quick         # small sizes, one round (what CI runs)
#   bench/run-all.sh --only train,word2vec --rounds 5
#
# Arguments are passed to bench/run_all.py (see its --help). Environment:
#   CHORUS_BUILD_DIR   build directory (default: build/ in the checkout; configured if missing)
#   CHORUS_BUILD_LOCK  a lock file to hold while building (for a build directory shared with others)
#   CHORUS_JOBS        parallel build jobs (default 2)
#   CHORUS_BENCH_NO_INSTALL=1  do not apt-get install the peers
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CHORUS_BUILD_DIR:-$root/build}"
jobs="${CHORUS_JOBS:-2}"

# The peers. python3-torch is Debian's build of the same LibTorch 1.13 that Chorus links.
# umap-learn (Debian package umap-learn, with python3-pynndescent and numba) is the UMAP peer.
peers=(python3-torch python3-gensim python3-sklearn python3-scipy python3-numpy fasttext umap-learn sqlite3)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ "${CHORUS_BENCH_NO_INSTALL:-0}" != 1 ]; then
    missing=()
    for p in "${peers[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> Installing the peers: ${missing[*]}" >&2
        as_root apt-get update -q
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
fi

build_cmd=()
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
build_cmd=(nice cmake --build "$build" -j "$jobs" --target chorus-cli chorus-bench-import chorus-bench-word2vec
           chorus-bench-tsne chorus-bench-umap chorus-bench-recommend)
echo "==> Building the benchmark programs in $build" >&2
if [ -n "${CHORUS_BUILD_LOCK:-}" ]; then
    flock "$CHORUS_BUILD_LOCK" "${build_cmd[@]}"
else
    "${build_cmd[@]}"
fi

# Debian's packages are only visible to Debian's interpreter, not to a private python3 in PATH.
exec /usr/bin/python3 "$root/bench/run_all.py" --build-dir "$build" "$@"
