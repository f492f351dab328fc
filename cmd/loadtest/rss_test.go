package main

import "testing"

func TestParseStatus(t *testing.T) {
	linux := "Name:\tseminars\nVmPeak:\t 1740816 kB\nVmHWM:\t   90336 kB\nVmRSS:\t   71428 kB\nRssAnon:\t   37544 kB\nRssFile:\t   33884 kB\nThreads:\t9\n"
	cases := []struct {
		name    string
		text    string
		want    memStatus
		wantErr bool
	}{
		{"linux status", linux, memStatus{RSS: 71428, Peak: 90336, Anon: 37544, File: 33884}, false},
		{"an old kernel without RssAnon", "VmHWM:\t 2048 kB\nVmRSS:\t 1024 kB\n", memStatus{RSS: 1024, Peak: 2048}, false},
		{"a kernel thread has no VmRSS", "Name:\tkthreadd\nState:\tS (sleeping)\n", memStatus{}, true},
		{"a value that is not a number", "VmRSS:\t lots kB\n", memStatus{}, true},
		{"a unit that is not kB", "VmRSS:\t 12 MB\n", memStatus{}, true},
		{"empty", "", memStatus{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseStatus(c.text)
			if (err != nil) != c.wantErr {
				t.Fatalf("error %v, want error %v", err, c.wantErr)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
