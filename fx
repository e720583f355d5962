#!/bin/sh
exec /work/main/.venv/bin/factx "$@"
