package watchers

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// BlockedAddressError is returned when a source resolves to an address the
// SSRF guard refuses: the host's own network, a cloud metadata service and
// the like. It names the host as configured, the address it resolved to and
// why that address is refused.
type BlockedAddressError struct {
	Host   string
	IP     netip.Addr
	Reason string
}

// Error names the host, its address and why it is refused.
func (e *BlockedAddressError) Error() string {
	return fmt.Sprintf("refusing to connect to %s (%s): %s address (set fetch.allow_private_networks to allow)", e.Host, e.IP, e.Reason)
}

var (
	cgnat         = netip.MustParsePrefix("100.64.0.0/10")
	thisNetwork   = netip.MustParsePrefix("0.0.0.0/8")
	ietfProtocol  = netip.MustParsePrefix("192.0.0.0/24")
	benchmarking  = netip.MustParsePrefix("198.18.0.0/15")
	reservedV4    = netip.MustParsePrefix("240.0.0.0/4") // includes 255.255.255.255
	siteLocalV6   = netip.MustParsePrefix("fec0::/10")
	nat64         = netip.MustParsePrefix("64:ff9b::/96")
	nat64Local    = netip.MustParsePrefix("64:ff9b:1::/48")
	sixToFour     = netip.MustParsePrefix("2002::/16")
	metadataV4    = netip.MustParseAddr("169.254.169.254")
	discardPrefix = netip.MustParsePrefix("100::/64")
)

// blockedReason says why ip may not be reached with the guard on, or returns
// "" when it may. Addresses that embed an IPv4 address (IPv4-mapped, NAT64,
// 6to4) are judged by the address they embed, so ::ffff:127.0.0.1 is as
// loopback as 127.0.0.1.
func blockedReason(ip netip.Addr) string {
	ip = ip.WithZone("")
	if ip.Is4In6() {
		ip = ip.Unmap()
	}
	if ip.Is6() {
		switch {
		case nat64.Contains(ip):
			b := ip.As16()
			if r := blockedReason(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})); r != "" {
				return r + " (via NAT64)"
			}
		case sixToFour.Contains(ip):
			b := ip.As16()
			if r := blockedReason(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})); r != "" {
				return r + " (via 6to4)"
			}
		}
	}
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLoopback():
		return "loopback"
	case ip == metadataV4:
		return "cloud metadata (link-local)"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	case ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	case ip.IsPrivate():
		return "private network"
	case cgnat.Contains(ip):
		return "carrier-grade NAT (shared)"
	case thisNetwork.Contains(ip), ietfProtocol.Contains(ip), benchmarking.Contains(ip),
		reservedV4.Contains(ip), siteLocalV6.Contains(ip), nat64Local.Contains(ip), discardPrefix.Contains(ip):
		return "reserved"
	}
	if ip.Is6() && ip.As16()[0] == 0 && ip.As16()[1] == 0 && !nat64.Contains(ip) {
		// ::/8 beyond the cases above holds deprecated IPv4-compatible
		// addresses (::a.b.c.d) that some stacks still route.
		return "reserved"
	}
	return ""
}

// guardControl returns a net.Dialer Control function that refuses blocked
// addresses. It runs after name resolution, on the address actually being
// dialled, so neither DNS rebinding nor a redirect to an internal name can
// get around it. host is the name being dialled, for the error message.
func guardControl(host string, reason func(netip.Addr) string) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			h, _, splitErr := net.SplitHostPort(address)
			if splitErr != nil {
				h = address
			}
			ip, perr := netip.ParseAddr(h)
			if perr != nil {
				return &BlockedAddressError{Host: host, Reason: "unparseable (" + address + ")"}
			}
			ap = netip.AddrPortFrom(ip, 0)
		}
		if r := reason(ap.Addr()); r != "" {
			return &BlockedAddressError{Host: host, IP: ap.Addr(), Reason: r}
		}
		return nil
	}
}
