#!/usr/bin/python3
"""Draws the sample letterhead logo, input/logo-ecossolies.png (a stand-in,
not the association's real mark). Run: /usr/bin/python3 scripts/make-logo.py
Deterministic: the same PNG bytes every time."""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

SCALE = 4  # drawn large, then reduced: smooth edges
W, H = 520, 160
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"
GREEN, ORANGE, GREY = (46, 139, 87, 255), (232, 119, 34, 255), (70, 70, 70, 255)

img = Image.new("RGBA", (W * SCALE, H * SCALE), (255, 255, 255, 0))
d = ImageDraw.Draw(img)
s = SCALE
# Three overlapping circles: the network's actors.
d.ellipse((10 * s, 30 * s, 110 * s, 130 * s), fill=GREEN)
d.ellipse((60 * s, 20 * s, 140 * s, 100 * s), fill=ORANGE)
d.ellipse((55 * s, 70 * s, 125 * s, 140 * s), fill=(120, 180, 60, 230))
big = ImageFont.truetype(FONT, 54 * s)
small = ImageFont.truetype(FONT.replace("-Bold", "-Regular"), 19 * s)
d.text((160 * s, 28 * s), "Les", font=small, fill=GREY)
d.text((158 * s, 48 * s), "Ecossolies", font=big, fill=GREEN)
d.text((160 * s, 112 * s), "réseau de l'ESS nantaise", font=small, fill=GREY)
img = img.resize((W, H), Image.LANCZOS)
out = Path(__file__).resolve().parent.parent / "input" / "logo-ecossolies.png"
img.save(out, optimize=True)
print(out)
