#!/usr/bin/env bash
# Prints the machine description that BENCHMARKS.md quotes.
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "nproc: $(nproc)"
lscpu | head -n 14
free -h | head -n 2
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
swift --version 2>&1 | head -n 1
echo "commit measured: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "BLAS/LAPACK system default: $(readlink -f /usr/lib/x86_64-linux-gnu/liblapack.so.3)"
echo "load average when written: $(cut -d' ' -f1-3 /proc/loadavg)"
