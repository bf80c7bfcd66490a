#!/usr/bin/env bash
# Installs everything Layerwatch needs to build, test and run, from Debian 12's archive.
# Idempotent and quick when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-translations-l10n qt6-qpa-plugins
  libgl-dev libvulkan-dev libxkbcommon-dev
  libssh-dev qtkeychain-qt6-dev zlib1g-dev
  clang-14 libclang-rt-14-dev
  openssh-server openssh-sftp-server openssh-client util-linux iproute2 e2fsprogs procps psmisc coreutils
  # the lab's Real-Docker hosts (tests/lab, docker-* scenarios): Debian's engine (containerd and runc come
  # with it) and a statically linked busybox for their image. busybox-static replaces and provides
  # busybox (the two conflict): listing both would remove one for the other at every run.
  docker.io busybox-static
  zsh tcsh fish
  xvfb x11-apps imagemagick fonts-noto-cjk
  gnome-keyring libsecret-1-0 libsecret-tools
  # the package (installer/): cpack's DEB needs dpkg-shlibdeps (dpkg-dev); tests/installer checks it
  dpkg-dev lintian desktop-file-utils appstream
)
if [ "${LAYERWATCH_BENCH:-0}" = 1 ]; then
  packages+=(pssh ansible hyperfine)
fi
# The exported playbooks' test (tests/integration/test_ansible_lab.sh) runs them with Debian's ansible:
# scripts/test.sh asks for it (the suite, and so CI, runs that test); demo.sh and a plain run stay quick.
if [ "${LAYERWATCH_ANSIBLE:-0}" = 1 ]; then
  packages+=(ansible)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages (${missing[*]}); run as root" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
