#!/usr/bin/env bash
# Key-to-screen latency of threadlab's UI in a real terminal (tmux), against a reference in the
# same run: the same terminal echoing a key typed into `cat`. Usage (after mvn package):
#   bash docs/bench/key-latency.sh [ROUNDS]
set -euo pipefail
rounds=${1:-20}
jar="$(cd "$(dirname "$0")/../.." && pwd)/target/threadlab.jar"
ui="kl-ui-$$"; ref="kl-ref-$$"
trap 'tmux kill-session -t "$ui" 2>/dev/null; tmux kill-session -t "$ref" 2>/dev/null' EXIT
tmux new-session -d -s "$ui" -x 120 -y 40 -e TERM=xterm-256color -e LANG=C.UTF-8 "java -jar $jar --interval 10s"
tmux new-session -d -s "$ref" -x 120 -y 40 -e TERM=xterm-256color "cat"
until tmux capture-pane -p -t "$ui" | grep -q "daemon:off"; do sleep 0.1; done

# milliseconds from send-keys until the pane shows PATTERN (polled every 2 ms)
wait_ms() { # session key pattern
  local start now
  start=$(date +%s%N)
  tmux send-keys -t "$1" "$2"
  until tmux capture-pane -p -t "$1" | grep -q -- "$3"; do sleep 0.002; done
  now=$(date +%s%N)
  echo $(( (now - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ui_ms=(); ref_ms=()
for i in $(seq "$rounds"); do
  ui_ms+=("$(wait_ms "$ui" d 'daemon:ON')")
  ui_ms+=("$(wait_ms "$ui" d 'daemon:off')")
  ref_ms+=("$(wait_ms "$ref" "x$i" "x$i")")
  tmux send-keys -t "$ref" Enter
done
u=$(printf '%s\n' "${ui_ms[@]}" | median); r=$(printf '%s\n' "${ref_ms[@]}" | median)
echo "threadlab: key to screen, median ${u} ms over ${#ui_ms[@]} presses (footer daemon:ON/off)"
echo "reference: cat echoing a key in the same tmux, median ${r} ms over ${#ref_ms[@]} keys"
awk -v u="$u" -v r="$r" 'BEGIN {printf "ratio: %.2f\n", (r > 0 ? u / r : 0)}'
