#!/usr/bin/env bash
# Builds JailDesk's self-contained app image (a jlink runtime and a launcher, by jpackage) for this platform,
# and on Linux a .deb with the icon and a desktop entry. Run by Maven: mvn -B -q -Papp -DskipTests package
# Arguments: the project version (from the pom). Output: target/jpackage/
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: build-app.sh VERSION}"
numeric="${version%%-*}"            # jpackage wants 1.2.3, not 1.2.3-SNAPSHOT
out=target/jpackage
rm -rf "$out"
mkdir -p "$out/input"
cp target/jaildesk.jar "$out/input/"

# The runtime holds only the JDK modules the jar needs (plus the HTTP server and TLS providers, which are reached
# through service lookup, not by static reference).
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$out/input/jaildesk.jar")
modules="$modules,jdk.httpserver,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata"
echo "runtime modules: $modules"

jpackage --type app-image --dest "$out" --input "$out/input" \
  --name JailDesk --app-version "$numeric" --vendor "JailDesk" \
  --main-jar jaildesk.jar --main-class org.jaildesk.app.Main \
  --icon assets/png/jaildesk-256.png \
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
echo "app image: $out/JailDesk (run $out/JailDesk/bin/JailDesk)"

if [ "$(uname -s)" = "Linux" ] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  jpackage --type deb --dest "$out" --app-image "$out/JailDesk" \
    --name JailDesk --linux-package-name jaildesk --app-version "$numeric" --vendor "JailDesk" \
    --description "Desktop jail manager for FreeBSD iocage jails, local and remote (sysadm protocol)" \
    --icon assets/png/jaildesk-256.png \
    --linux-shortcut --linux-menu-group "System;Utility" --linux-app-category admin \
    --linux-deb-maintainer "jaildesk@example.org"
  echo "deb: $(ls "$out"/*.deb)"
else
  echo "no .deb: needs Linux with dpkg-deb and fakeroot"
fi
