class PaymentDeclined(Exception):
    pass


def charge(card, amount):
    if amount > 100:
        raise PaymentDeclined(f"card ending {card[-4:]} declined (insufficient funds)")


charge("4000000000004242", 180)
