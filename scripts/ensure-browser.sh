#!/bin/sh
# Browser tests need Debian's chromium and CJK fonts, and Node.js/npm for Lighthouse
# and the offline build. Install them when missing.
set -eu
need=""
[ -x /usr/bin/chromium ] || need="chromium"
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then need="$need fonts-noto-cjk"; fi
command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
[ -z "$need" ] && exit 0
echo "安装测试依赖：$need"
if [ "$(id -u)" = "0" ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null
