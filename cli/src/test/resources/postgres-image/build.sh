#!/usr/bin/env bash
# Builds clockwork-test/postgres:15, a PostgreSQL server image made from this machine's Debian
# PostgreSQL (no registry needed): its binaries and the libraries they load, a static busybox for
# the shell, and an entry point that initialises a cluster (trust auth) and runs the server.
set -euo pipefail
image="$1"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/usr/lib" "$root/usr/share/zoneinfo"
chmod 1777 "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for applet in sh cat ls mkdir echo; do ln -s busybox "$root/bin/$applet"; done
cp -a /usr/lib/postgresql "$root/usr/lib/"
cp -a /usr/share/postgresql "$root/usr/share/"
cp -a /usr/share/zoneinfo/UTC /usr/share/zoneinfo/Etc "$root/usr/share/zoneinfo/"
for program in "$bin/postgres" "$bin/initdb"; do ldd "$program" | grep -o '/[^ ]*'; done \
  | sort -u | while read -r library; do cp -L --parents "$library" "$root/"; done
printf 'root:x:0:0::/root:/bin/sh\npostgres:x:999:999::/tmp:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\npostgres:x:999:\n' > "$root/etc/group"
cat > "$root/entry.sh" <<ENTRY
#!/bin/sh
set -e
data=/tmp/pgdata
if [ ! -s "\$data/PG_VERSION" ]; then
  $bin/initdb -D "\$data" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
  echo "host all all all trust" >> "\$data/pg_hba.conf"
fi
exec $bin/postgres -D "\$data" -c listen_addresses='*' -c unix_socket_directories=/tmp
ENTRY
chmod 755 "$root/entry.sh"
tar -C "$root" --numeric-owner --owner=0 --group=0 -cf - . \
  | docker import --change 'USER postgres' --change 'ENV TZ=UTC' \
      --change 'ENTRYPOINT ["/entry.sh"]' - "$image" >/dev/null
