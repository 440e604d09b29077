# Cumulative time in space per astronaut with jq: launches paired with each person's next landing (as
# orbitline's stays do), open stays counted to $now; the top 10 as `astronaut seconds`.
# Usage: find DIR -name '*.json' ! -name astronauts.json ! -name spacecraft.json ! -name stations.json \
#          -exec cat {} + | jq -rn --arg now 2200-01-01T00:00:00Z -f benches/peers/cumulative.jq

# Seconds since 1970 of a catalog time: YYYY-MM-DD[Z|±HH:MM] or YYYY-MM-DDTHH:MM[:SS[.f]](Z|±HH:MM).
def epoch:
  capture("^(?<d>\\d{4}-\\d\\d-\\d\\d)(T(?<h>\\d\\d):(?<m>\\d\\d)(:(?<s>\\d\\d)(\\.\\d+)?)?)?(?<z>Z|[+-]\\d\\d:\\d\\d)?$")
  | ("\(.d)T\(.h // "00"):\(.m // "00"):\(.s // "00")Z" | fromdateiso8601)
    - (if (.z // "Z") == "Z" then 0
       else ((.z[1:3] | tonumber) * 3600 + (.z[4:6] | tonumber) * 60)
            * (if .z[0:1] == "-" then -1 else 1 end)
       end);

($now | epoch) as $now
| [inputs
   | (.launch // {}) as $l | (.landing // {}) as $d
   | (if $l.time then ($l.time | epoch) as $t | ($l.crew // [])[] | {a: .astronaut, t: $t, k: 0} else empty end),
     (if $d.time then ($d.time | epoch) as $t | ($d.crew // [])[] | {a: .astronaut, t: $t, k: 1} else empty end)]
| group_by(.a)
| map(sort_by(.t, .k) as $e
      | {a: $e[0].a,
         s: (reduce range(0; $e | length) as $i (0;
               if $e[$i].k == 0 then
                 . + (if $i + 1 < ($e | length) and $e[$i + 1].k == 1 then $e[$i + 1].t else $now end) - $e[$i].t
               else . end))})
| sort_by(-.s) | .[:10][] | "\(.a) \(.s | floor)"
