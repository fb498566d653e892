#!/usr/bin/env bash
# clang-tidy with the checked-in .clang-tidy over every .cpp of core/ and models/; exits non-zero
# on any finding (the configuration makes every warning an error).
#
#   packaging/tidy.sh [all|core|models] [REGEX...]     default: all; REGEX: only the files matching
#                                                      one (e.g. the ones a change touched)
#
# Reads the compile database the build exports (CMakeLists.txt always turns it on) from
# CHORUS_BUILD_DIR (default build/); runs CHORUS_JOBS (default 2) clang-tidy processes under nice.
# docs/reliability.md ("Static analysis") has the check set and how long each part takes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CHORUS_BUILD_DIR:-$root/build}"
jobs="${CHORUS_JOBS:-2}"
clang_tidy="${CLANG_TIDY:-clang-tidy}"
run_clang_tidy="${RUN_CLANG_TIDY:-run-clang-tidy}"

case "${1:-all}" in
    all) folders=(core models) ;;
    core | models) folders=("$1") ;;
    *) echo "usage: $0 [all|core|models] [REGEX...]" >&2; exit 2 ;;
esac
shift $(($# > 0 ? 1 : 0))

for tool in "$clang_tidy" "$run_clang_tidy" python3; do
    command -v "$tool" >/dev/null || { echo "$0: $tool not found (Debian: apt-get install clang-tidy)" >&2; exit 2; }
done
if [ ! -f "$build/compile_commands.json" ]; then
    echo "$0: no $build/compile_commands.json; configure first: cmake -S $root -B $build -G Ninja" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A compile database of the chosen folders' sources only, rewritten for clang: GCC's precompiled
# header (cmake_pch.hxx.gch) is unreadable to clang, so each TU includes the header's text instead
# (a copy without the .gch beside it); and GCC 12 defaults to C++17 where clang 14 does not, so the
# standard is named.
python3 - "$root" "$build/compile_commands.json" "$work" "${folders[@]}" <<'EOF'
import json, os, shlex, shutil, sys

root, database, work, folders = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
prefixes = tuple(os.path.join(root, folder) + os.sep for folder in folders)
copies = {}

def header_text(pch_header):
    if pch_header not in copies:
        copy = os.path.join(work, "pch%d.hxx" % len(copies))
        shutil.copyfile(pch_header, copy)
        copies[pch_header] = copy
    return copies[pch_header]

entries = []
for entry in json.load(open(database)):
    source = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    if not source.startswith(prefixes) or not source.endswith(".cpp"):
        continue
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    out, i = [], 0
    while i < len(args):
        arg = args[i]
        if arg == "-Winvalid-pch":
            i += 1
        elif arg == "-include" and i + 1 < len(args) and args[i + 1].endswith("cmake_pch.hxx"):
            out += ["-include", header_text(args[i + 1])]
            i += 2
        elif arg == "-Xclang" and args[i + 1:i + 2] == ["-include-pch"]:
            i += 4  # -Xclang -include-pch -Xclang <file>.pch (a Clang build directory)
        else:
            out.append(arg)
            i += 1
    if not any(a.startswith("-std=") for a in out):
        out.insert(1, "-std=c++17")
    entries.append({"directory": entry["directory"], "file": source, "arguments": out})

if not entries:
    sys.exit("no sources of %s in %s" % (", ".join(folders), database))
json.dump(entries, open(os.path.join(work, "compile_commands.json"), "w"), indent=1)
print("clang-tidy over %d files of %s" % (len(entries), ", ".join(folders)), file=sys.stderr)
EOF

# run-clang-tidy prints each file's findings together and fails when any clang-tidy run failed.
# It always asks for colours; they are taken out, and so is the per-file noise (warning counts
# from system headers, the command lines).
set +e
nice -n 10 "$run_clang_tidy" -quiet -j "$jobs" -p "$work" -clang-tidy-binary "$(command -v "$clang_tidy")" "$@" 2>&1 |
    sed -u 's/\x1b\[[0-9;]*m//g' |
    grep --line-buffered -Ev '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter=|^(/[^ ]*/)?clang-tidy(-[0-9]+)? '
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    echo "$0: clang-tidy found problems in ${folders[*]} (see above)" >&2
    exit 1
fi
echo "clang-tidy: ${folders[*]} clean" >&2
