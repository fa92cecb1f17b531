// Wrapper main for etcd: the e2e setup builds the etcd server from the pinned
// go.etcd.io/etcd/server/v3 module (see scripts/e2e/versions.env) instead of
// downloading a release binary.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
