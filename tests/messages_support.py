"""Builders of message exports for the messages tests: a chat screenshot drawn with the
bundled PT Sans (read back by Tesseract), and exports written from each format's documented
structure."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "PTS55F.ttf"

# (side, text, time): "l" the other person, "r" the phone's owner
SCREEN_BUBBLES = (
    ("l", "Здравствуйте, это курьер", "21:30"),
    ("r", "Что вам нужно?", "21:32"),
    ("l", "Ты пожалеешь, сука", "21:40"),
)


def draw_chat_screenshot(
    path: Path,
    title: str = "Иван Курьер",
    day: str = "12 сентября 2025",
    bubbles: tuple[tuple[str, str, str], ...] = SCREEN_BUBBLES,
) -> Path:
    """A phone-sized chat screenshot: header, a day separator, bubbles with their times."""
    width, height = 720, 260 + 110 * len(bubbles)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    small = ImageFont.truetype(str(FONT), 24)
    draw.rectangle((0, 0, width, 90), fill=(230, 236, 242))
    draw.text((40, 28), title, font=font, fill="black")
    draw.text((width // 2 - 110, 130), day, font=small, fill=(90, 90, 90))
    y = 200
    for side, text, time in bubbles:
        box_w = 460
        x = 30 if side == "l" else width - box_w - 30
        fill = (245, 245, 245) if side == "l" else (220, 248, 198)
        draw.rounded_rectangle((x, y, x + box_w, y + 90), radius=16, fill=fill)
        draw.text((x + 20, y + 14), text, font=font, fill="black")
        draw.text((x + box_w - 90, y + 55), time, font=small, fill=(80, 80, 80))
        y += 110
    image.save(path)
    return path
