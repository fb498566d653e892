#!/usr/bin/env bash
# CTest packaging_deb: builds the .deb from a configured and built build directory, unpacks it into
# a scratch root (no root rights needed, nothing touches the machine's /usr), checks its metadata
# and contents, then runs the unpacked programs: chorus-cli through new, demo, train and export,
# and the workbench offscreen to a screenshot.
#
#   packaging/test-deb.sh BUILD_DIR CPACK VERSION
set -euo pipefail

build="$(cd "$1" && pwd)"
cpack="$2"
version="$3"
app_id="io.github.chorus.Chorus"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() {
    echo "packaging_deb: FAIL: $*" >&2
    exit 1
}
step() { echo "--- $*"; }

# The programs write settings and caches; keep them inside the scratch folder.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" && mkdir -m 0700 "$XDG_RUNTIME_DIR"
# Presets must come from the package, not from a source tree the environment points at.
unset CHORUS_RESOURCES CHORUS_DEMO_PROJECT

step "cpack -G DEB"
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
debs=("$work"/out/chorus_*.deb)
[ ${#debs[@]} -eq 1 ] || { cat "$work/cpack.log" >&2; fail "expected one chorus_*.deb, found ${#debs[@]}"; }
deb="${debs[0]}"
echo "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, built in ${SECONDS} s"

step "control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = chorus ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version '$(field Version)' is not '$version'"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends="$(field Depends)"
echo "Depends: $depends"
# dpkg-shlibdeps must have turned every linked library family into a dependency.
depend_names=" $(sed 's/([^)]*)//g; s/|/,/g; s/ //g; s/,/ /g' <<<"$depends") "
for lib in libc6 'libstdc++6' libtorch libqt6core6 libqt6widgets6 libqt6svg6 libqcustomplot libsqlite3 libopencv-core \
    libavformat libswscale libsentencepiece; do
    [[ "$depend_names" == *" $lib"* ]] || fail "Depends lacks $lib"
done
grep -q fonts-noto-cjk <<<"$(field Recommends)" || fail "Recommends lacks fonts-noto-cjk"

step "contents"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/chorus usr/bin/chorus-cli \
    usr/share/chorus/presets/textcnn-demo-sentiment.json usr/share/chorus/presets/han-demo-topic.json \
    usr/lib/chorus/plugins/mastodon.plugin.json usr/lib/chorus/plugins/chorus-mastodon.so \
    usr/lib/chorus/plugins/han.plugin.json usr/lib/chorus/plugins/chorus-han.so \
    usr/lib/chorus/chorus-sentencepiece.so \
    usr/share/applications/$app_id.desktop \
    usr/share/icons/hicolor/scalable/apps/$app_id.svg \
    usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/mime/packages/$app_id.xml \
    usr/share/man/man1/chorus-cli.1.gz usr/share/man/man1/chorus.1.gz; do
    [ -s "$root/$f" ] || fail "the package lacks $f"
done
[ -d "$root/usr/lib/chorus/plugins" ] || fail "the package lacks usr/lib/chorus/plugins/"
for exe in chorus chorus-cli; do
    # Installed programs find their libraries in the system, never in a build tree.
    if readelf -d "$root/usr/bin/$exe" | grep -Eq 'R(UN)?PATH'; then fail "$exe keeps an RPATH"; fi
    if readelf -S "$root/usr/bin/$exe" | grep -q '\.debug_info'; then fail "$exe is not stripped"; fi
done
grep -q '<svg' "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" || fail "the icon is not SVG"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop entry invalid"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "metainfo invalid"
fi
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "metainfo has no release $version"
grep -q '^Comment\[zh_CN\]=' "$root/usr/share/applications/$app_id.desktop" || fail "the desktop entry has no Chinese comment"

cli="$root/usr/bin/chorus-cli"
gui="$root/usr/bin/chorus"

step "man pages"
man_cli="$(gzip -dc "$root/usr/share/man/man1/chorus-cli.1.gz")"
grep -q '^\.TH CHORUS\\-CLI 1 ' <<<"$man_cli" || fail "chorus-cli.1 has no .TH line"
commands="$("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p')"
[ "$(wc -w <<<"$commands")" -ge 10 ] || fail "chorus-cli --help lists too few commands: $commands"
for c in $commands; do
    grep -q "^\.SS $c\$" <<<"$man_cli" || fail "chorus-cli.1 has no section for '$c'"
done
# A usage line of each command, with its hyphens as roff minus signs.
grep -q 'Usage: chorus\\-cli train PROJECT.chorus \\-\\-config' <<<"$man_cli" || fail "chorus-cli.1 lacks train's usage"
gzip -dc "$root/usr/share/man/man1/chorus.1.gz" | grep -q '\\-\\-screenshot' || fail "chorus.1 lacks --screenshot"
if command -v groff >/dev/null; then
    warnings="$(gzip -dc "$root/usr/share/man/man1/chorus-cli.1.gz" | LC_ALL=C.UTF-8 groff -man -ww -z 2>&1)"
    [ -z "$warnings" ] || fail "groff warns about chorus-cli.1: $warnings"
fi

step "chorus-cli new -> demo -> train -> export"
project="$work/p.chorus"
[ "$("$cli" --version)" = "chorus-cli $version" ] || fail "--version says '$("$cli" --version)'"
"$cli" new "$project" >/dev/null || fail "new"
"$cli" demo "$project" --posts 300 --users 40 --json >"$work/demo.json" || fail "demo"
grep -q '"demo"' "$work/demo.json" || fail "demo did not report the demo dataset: $(cat "$work/demo.json")"
# A preset by name: found in the package's share/chorus/presets relative to the installed program.
"$cli" train "$project" --config textcnn-demo-sentiment --json >"$work/train.json" ||
    fail "train: $(cat "$work/train.json")"
run_id="$(sed -n 's/.*"run_id": *\([0-9][0-9]*\).*/\1/p' "$work/train.json" | head -n1)"
[ -n "$run_id" ] || fail "train printed no run id: $(cat "$work/train.json")"
grep -q '"finished"' <<<"$("$cli" runs "$project" --json)" || fail "the run did not finish"
"$cli" export "$project" --dataset demo --format csv "$work/demo.csv" >/dev/null || fail "export csv"
rows="$(grep -c . "$work/demo.csv")"
[ "$rows" -gt 300 ] || fail "demo.csv has $rows lines, expected a header and 300 posts"
"$cli" export "$project" --run "$run_id" --what weights "$work/model.safetensors" >/dev/null || fail "export weights"
[ -s "$work/model.safetensors" ] && [ -s "$work/model.json" ] || fail "export weights wrote no files"

step "plugins from the package"
manifests=("$root"/usr/lib/chorus/plugins/*.plugin.json)
[ ${#manifests[@]} -ge 2 ] || fail "the package holds ${#manifests[@]} plugin manifests, expected mastodon and han"
if [ ${#manifests[@]} -gt 0 ]; then
    # One plugin object per line (entries are the only objects that follow "},{").
    listing="$("$cli" plugins --json | sed 's/},{/}\n{/g')" || fail "plugins --json"
    for manifest in "${manifests[@]}"; do
        name="$(basename "$manifest" .plugin.json)"
        entry="$(grep -F "\"name\":\"$name\"" <<<"$listing")" || fail "plugin $name is not listed: $listing"
        grep -qF '"state":"loaded"' <<<"$entry" || fail "plugin $name did not load: $entry"
        grep -qF "\"library\":\"$root/" <<<"$entry" || fail "plugin $name was not loaded from the package: $entry"
    done
fi

step "chorus offscreen --screenshot"
QT_QPA_PLATFORM=offscreen "$gui" "$project" --screenshot "$work/window.png" || fail "the workbench failed"
[ "$(head -c 8 "$work/window.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the screenshot is not a PNG"
[ "$(stat -c %s "$work/window.png")" -gt 20000 ] || fail "the screenshot is suspiciously small"

echo "packaging_deb: PASS ($(basename "$deb"), ${SECONDS} s)"
