"""Draws time against size as an SVG line chart, for the bench scripts.

Reads lines of "SIZE TOOL SECONDS [SECONDS2]" on standard input: one line per tool and size. Each
tool gets a colour; SECONDS is drawn solid, SECONDS2 (when given) dashed; "-" is a value not measured.
The title is argv[1].
"""
import sys

COLOURS = ["#444444", "#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
W, H, LEFT, RIGHT, TOP, BOTTOM = 640, 400, 60, 150, 40, 50

rows = [line.split() for line in sys.stdin if line.strip()]
tools = list(dict.fromkeys(r[1] for r in rows))
sizes = sorted({int(r[0]) for r in rows})
series = {}
for r in rows:
    for k, value in enumerate(r[2:]):
        if value == "-":
            continue
        series.setdefault((r[1], k), []).append((int(r[0]), float(value)))
top = max(v for points in series.values() for _, v in points) * 1.1 or 1
x = lambda s: LEFT + (s - sizes[0]) / ((sizes[-1] - sizes[0]) or 1) * (W - LEFT - RIGHT)
y = lambda v: H - BOTTOM - v / top * (H - TOP - BOTTOM)

out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{sys.argv[1]}</text>',
       f'<line x1="{LEFT}" y1="{H - BOTTOM}" x2="{W - RIGHT}" y2="{H - BOTTOM}" stroke="black"/>',
       f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{H - BOTTOM}" stroke="black"/>',
       f'<text x="{(LEFT + W - RIGHT) / 2}" y="{H - 12}" text-anchor="middle">size</text>',
       f'<text x="15" y="{(TOP + H - BOTTOM) / 2}" transform="rotate(-90 15 {(TOP + H - BOTTOM) / 2})" text-anchor="middle">seconds</text>']
for s in sizes:
    out.append(f'<text x="{x(s):.1f}" y="{H - BOTTOM + 16}" text-anchor="middle">{s}</text>')
for i in range(6):
    v = top * i / 5
    out.append(f'<line x1="{LEFT - 4}" y1="{y(v):.1f}" x2="{W - RIGHT}" y2="{y(v):.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{LEFT - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
for (tool, k), points in series.items():
    colour = COLOURS[tools.index(tool) % len(COLOURS)]
    path = " ".join(f"{x(s):.1f},{y(v):.1f}" for s, v in sorted(points))
    dash = ' stroke-dasharray="6 4"' if k else ""
    out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
for i, tool in enumerate(tools):
    colour = COLOURS[i % len(COLOURS)]
    out.append(f'<line x1="{W - RIGHT + 15}" y1="{TOP + 20 * i}" x2="{W - RIGHT + 40}" y2="{TOP + 20 * i}" stroke="{colour}" stroke-width="2"/>')
    out.append(f'<text x="{W - RIGHT + 46}" y="{TOP + 20 * i + 4}">{tool}</text>')
out.append("</svg>")
print("\n".join(out))
