#!/usr/bin/perl
# Mail::SPF (the library behind spfquery) over many cases in one process, against the lab resolver.
# stdin: one JSON array [ip, sender, helo] per line (empty sender: the HELO identity);
# stdout: one JSON array [result, explanation] per line.  Resolver: $LAB_RESOLVER (default 127.0.0.3).
use strict;
use warnings;
use JSON::PP;
use Mail::SPF;
use Net::DNS::Resolver;

$| = 1;
my $resolver = Net::DNS::Resolver->new(nameservers => [$ENV{LAB_RESOLVER} // '127.0.0.3'], tcp_timeout => 5, udp_timeout => 5);
my $server = Mail::SPF::Server->new(dns_resolver => $resolver);
while (my $line = <STDIN>) {
    my ($ip, $sender, $helo) = @{ decode_json($line) };
    my $request = $sender ne ''
        ? Mail::SPF::Request->new(scope => 'mfrom', identity => $sender, ip_address => $ip, helo_identity => $helo)
        : Mail::SPF::Request->new(scope => 'helo', identity => $helo, ip_address => $ip);
    my $result = $server->process($request);
    print encode_json([$result->code, $result->can('authority_explanation') && $result->code eq 'fail' ? ($result->authority_explanation // '') : '']), "\n";
}
