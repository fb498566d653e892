#!/usr/bin/env bash
# Sets up Chorus on Debian 12 from a fresh checkout and runs it or its tests.
#
#   packaging/setup.sh run     install, build, make the demo project, open the workbench on it
#   packaging/setup.sh test    install, build, run the whole test suite, then the fuzzers briefly
#   packaging/setup.sh asan    the whole test suite built with AddressSanitizer + UBSan (build-asan)
#   packaging/setup.sh screenshots   docs/screenshots/ from the real application on a trained demo
#   packaging/setup.sh tidy    clang-tidy over core/ and models/ (CHORUS_TIDY=core|models: one of them)
#   packaging/setup.sh deps|data|build|demo   one step only
#
# Every step is incremental: a second run installs nothing, downloads nothing and rebuilds only
# what changed (ninja + ccache).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CHORUS_BUILD_DIR:-$root/build}"
data="${CHORUS_DATA_DIR:-$root/.cache/data}"
demo="${CHORUS_DEMO_PROJECT:-$root/.cache/demo.chorus}"
jobs="${CHORUS_JOBS:-2}"

packages=(
    build-essential cmake ninja-build pkg-config ccache git
    qt6-base-dev qt6-svg-dev libqt6sql6-sqlite qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev libqcustomplot2.1-qt6
    libtorch-dev libopenblas0-pthread libgloo-dev
    libopencv-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev ffmpeg opencv-doc
    clang libclang-rt-14-dev clang-tidy
    libsqlite3-dev sqlite3 nlohmann-json3-dev libzstd-dev zstd libsentencepiece-dev
    xvfb xauth fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji nodejs npm
    dpkg-dev desktop-file-utils appstream
)

say() { printf '\033[1m==> [%ds] %s\033[0m\n' "$SECONDS" "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

step_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "Debian packages: all present"
        return
    fi
    # node and npm may come from elsewhere (e.g. nodesource); only install them when absent.
    local wanted=()
    for p in "${missing[@]}"; do
        case "$p" in
            nodejs) command -v node >/dev/null || wanted+=("$p") ;;
            npm) command -v npm >/dev/null || wanted+=("$p") ;;
            *) wanted+=("$p") ;;
        esac
    done
    [ ${#wanted[@]} -eq 0 ] && { say "Debian packages: all present"; return; }
    say "Installing ${#wanted[@]} Debian packages: ${wanted[*]}"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${wanted[@]}"
}

# Real public data, fetched at set-up and never committed: review sentences with sentiment labels
# (npm `sentiment`), emoji images by category (npm `emoji-datasource-twitter`), and the videos
# Debian's opencv-doc ships.
step_data() {
    mkdir -p "$data"
    local tmp
    if [ ! -f "$data/sentiment/yelp.json" ]; then
        say "Fetching the sentiment sentences (npm: sentiment)"
        tmp="$(mktemp -d)"
        (cd "$tmp" && npm pack --silent sentiment@5.0.2 >/dev/null 2>&1 && tar xzf sentiment-5.0.2.tgz)
        mkdir -p "$data/sentiment"
        cp "$tmp"/package/test/fixtures/{amazon,imdb,yelp}.json "$data/sentiment/"
        rm -rf "$tmp"
    fi
    if [ ! -f "$data/emoji/.complete" ]; then
        say "Fetching emoji images (npm: emoji-datasource-twitter)"
        tmp="$(mktemp -d)"
        (cd "$tmp" && npm pack --silent emoji-datasource-twitter@16.0.0 >/dev/null 2>&1 &&
            tar xzf emoji-datasource-twitter-16.0.0.tgz package/emoji.json package/img/twitter/64)
        rm -rf "$data/emoji"
        mkdir -p "$data/emoji"
        # One sub-folder per category, so the folder importer labels each image with it.
        node -e '
            const fs = require("fs"), path = require("path");
            const [src, dst] = process.argv.slice(1);
            for (const e of require(path.join(src, "emoji.json"))) {
                const from = path.join(src, "img/twitter/64", e.image);
                if (!e.has_img_twitter || !fs.existsSync(from) || e.category === "Component") continue;
                const dir = path.join(dst, e.category.replace(/[^A-Za-z]+/g, "-").toLowerCase());
                fs.mkdirSync(dir, { recursive: true });
                fs.copyFileSync(from, path.join(dir, e.image));
            }' "$tmp/package" "$data/emoji"
        touch "$data/emoji/.complete"
        rm -rf "$tmp"
    fi
    if [ ! -f "$data/video/vtest.avi" ]; then
        mkdir -p "$data/video"
        local src=/usr/share/doc/opencv-doc/examples/data
        for f in vtest.avi tree.avi Megamind.avi; do
            if [ -f "$src/$f" ]; then cp "$src/$f" "$data/video/"; elif [ -f "$src/$f.gz" ]; then gunzip -c "$src/$f.gz" >"$data/video/$f"; fi
        done
    fi
    say "Real data in $data"
}

configure() {
    if [ ! -f "$build/build.ninja" ]; then
        # CHORUS_BUILD_TYPE=Release (what .ci/run sets) drops the debug info: LibTorch's templates
        # make it several GB over the test executables, and writing and linking it is much of a
        # fresh build's time. Both build types optimise alike (-O2).
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CHORUS_BUILD_TYPE:-RelWithDebInfo}" \
            -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
            -DCHORUS_REAL_DATA_DIR="$data"
    fi
}

step_build() {
    say "Building in $build"
    configure
    cmake --build "$build" -j "$jobs"
}

step_demo() {
    if [ ! -f "$demo" ]; then
        say "Creating the demo project $demo"
        mkdir -p "$(dirname "$demo")"
        "$build/app/chorus-cli" demo "$demo" --real-data "$data"
    fi
}

step_run() {
    say "Opening the workbench on $demo"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        say "No display: starting it under Xvfb (screenshot in $root/.cache/chorus-window.png)"
        xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/chorus" "$demo" --screenshot "$root/.cache/chorus-window.png"
        return
    fi
    exec "$build/app/chorus" "$demo"
}

step_test() {
    say "Running the tests"
    cd "$build"
    ctest --output-on-failure -j "$jobs" --timeout 900
}

# The documentation's screenshots: a fresh demo project with a word2vec run, topics, a recommender,
# a seq2seq replies run and a BiLSTM-attention run (the newest, so the run views show it), then every tab rendered offscreen.
step_screenshots() {
    local work out="$root/docs/screenshots"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' RETURN
    say "Training a small demo for the screenshots in $work"
    "$build/app/chorus-cli" demo "$work/demo.chorus" --real-data "$data" >/dev/null
    "$build/app/chorus-cli" train "$work/demo.chorus" --config "$root/resources/presets/word2vec-demo.json" >/dev/null
    "$build/app/chorus-cli" topics "$work/demo.chorus" --dataset demo --k 4 >/dev/null
    "$build/app/chorus-cli" train "$work/demo.chorus" --config "$root/resources/presets/recommender-mf-demo-interactions.json" >/dev/null
    "$build/app/chorus-cli" train "$work/demo.chorus" --config "$root/resources/presets/seq2seq-demo-replies.json" >/dev/null
    "$build/app/chorus-cli" train "$work/demo.chorus" --config "$root/resources/presets/rnn-attention-demo-sentiment.json" >/dev/null
    mkdir -p "$out"
    rm -f "$out"/*.png
    QT_QPA_PLATFORM=offscreen CHORUS_DEMO_PROJECT="$work/demo.chorus" \
        "$build/app/chorus" "$work/demo.chorus" --screenshots "$out"
    say "Screenshots in $out"
}

# The libFuzzer targets (Clang, ASan + UBSan) over Chorus's importers, config parser, tokenizer
# and media decoders, each for CHORUS_FUZZ_SECONDS from the fixtures' seed corpus; the inputs that
# once crashed are replayed too. docs/reliability.md says how to fuzz longer.
step_fuzz() {
    local fuzz="${CHORUS_FUZZ_BUILD_DIR:-$root/build-fuzz}"
    say "Fuzzing (${CHORUS_FUZZ_SECONDS:-10} s per target) in $fuzz"
    if [ ! -f "$fuzz/build.ninja" ]; then
        cmake -S "$root" -B "$fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
            -DCMAKE_CXX_COMPILER=clang++ -DCHORUS_BUILD_FUZZERS=ON -DCHORUS_BUILD_GUI=OFF -DCHORUS_BUILD_TESTS=OFF \
            -DCHORUS_BUILD_BENCHMARKS=OFF -DCHORUS_TORCH_PCH=OFF
    fi
    # -O1 with line tables only, as libFuzzer's documentation builds: the stack traces keep their
    # lines, and core compiles about 15% faster than at -O2 -g (part of CI's time budget).
    cmake "$fuzz" -DCHORUS_FUZZ_SECONDS="${CHORUS_FUZZ_SECONDS:-10}" \
        -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" >/dev/null
    cmake --build "$fuzz" -j "$jobs" --target fuzzers
    (cd "$fuzz" && ctest --output-on-failure -L fuzz -j "$jobs")
}

# The whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer on Chorus's targets (GCC,
# -O1 with line tables, the `asan` CMake preset) in build-asan: any finding, a leak included, fails
# its test (tests/CMakeLists.txt sets the options and the suppressions for the system libraries).
# About 1.2x the compile time of the normal build and 3.5x its test time, which is why `test` (and
# so CI) does not run it: docs/reliability.md has the figures.
step_asan() {
    local asan="$root/build-asan"
    say "Building with AddressSanitizer + UndefinedBehaviorSanitizer in $asan"
    [ -f "$asan/build.ninja" ] || (cd "$root" && cmake --preset asan -DCHORUS_REAL_DATA_DIR="$data")
    cmake --build "$asan" -j "$jobs"
    say "Running the tests under the sanitizers"
    (cd "$asan" && ctest --output-on-failure -j "$jobs" --timeout 1800)
}

# clang-tidy with the checked-in .clang-tidy over core/ and models/ (packaging/tidy.sh); any finding
# fails. It needs the configured build's compile_commands.json, not a build. models/ parses
# LibTorch in every file and takes far longer than core/; docs/reliability.md has the timings.
step_tidy() {
    configure
    # A build folder configured before CMakeLists.txt exported the database gets it on a re-run.
    [ -f "$build/compile_commands.json" ] || cmake "$build" >/dev/null
    say "clang-tidy over ${CHORUS_TIDY:-core and models}"
    CHORUS_BUILD_DIR="$build" CHORUS_JOBS="$jobs" "$root/packaging/tidy.sh" "${CHORUS_TIDY:-all}"
}

case "${1:-run}" in
    run) step_deps; step_data; step_build; step_demo; step_run ;;
    test) step_deps; step_data; step_build; step_test; step_fuzz ;;
    fuzz) step_deps; step_fuzz ;;
    asan) step_deps; step_data; step_asan ;;
    tidy) step_deps; step_tidy ;;
    deps) step_deps ;;
    data) step_data ;;
    build) step_build ;;
    demo) step_build; step_demo ;;
    screenshots) step_build; step_screenshots ;;
    *) echo "usage: $0 run|test|asan|deps|data|build|demo|screenshots|fuzz|tidy" >&2; exit 2 ;;
esac
