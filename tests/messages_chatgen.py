"""A long WhatsApp chat for benchmarks: two people over months, Russian everyday phrases
with varied words (numbers, names, addresses), a share of abusive and threatening lines."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

PHRASES = (
    "Добрый вечер, заказ {n} будет у вас через {m} минут",
    "Курьер подъехал к дому {n}, подъезд {m}",
    "Спасибо, всё получила, хорошего дня",
    "Не могу найти подъезд, какой код домофона? {n}",
    "Перенесите доставку на завтра, пожалуйста, после {m}:00",
    "Оплата картой курьеру, сдача с {n} рублей",
    "Купите хлеба и молока по дороге, если не сложно",
    "Посылка {n} задерживается на складе, приносим извинения",
    "Пришлите фото накладной номер {n}",
    "Я уже на {m} этаже, квартира {n}",
    "Хорошо, договорились, жду звонка в {m}:{m}0",
    "Вы оставили отзыв о доставке {n}? Спасибо!",
    "Ты сука, зачем отзыв написала про заказ {n}",
    "Я знаю, где ты живёшь, дом {n}",
    "Ты пожалеешь об этом, {m} раз подумай",
    "Иди нахуй со своей жалобой {n}",
)
NAMES = ("Иван Курьер", "Мария")


def write_chat(path: Path, messages: int, seed: int = 13) -> Path:
    rng = random.Random(seed)
    moment = datetime(2025, 1, 1, 9, 0)
    lines = []
    for _ in range(messages):
        moment += timedelta(seconds=rng.randint(20, 600))
        text = rng.choice(PHRASES).format(n=rng.randint(1, 99999), m=rng.randint(1, 23))
        if rng.random() < 0.05:
            text += "\nи ещё одна строка сообщения"
        lines.append(f"{moment:%d.%m.%Y, %H:%M} - {rng.choice(NAMES)}: {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
