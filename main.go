// Command sovwatch watches the news for statements about national
// sovereignty and foreign intervention and alerts chat channels.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"sovwatch/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := app.Main(ctx, os.Args[1:], app.OSEnv())
	stop()
	os.Exit(code)
}
