package watchers

import "sovwatch/news"

// FetchState is what a source remembers between polls for conditional GET.
type FetchState struct {
	ETag         string
	LastModified string
}

// PollResult is what one poll of one source brought.
type PollResult struct {
	Articles    []news.Article
	NotModified bool
	State       FetchState
	Warnings    []string
}
