using System;

public static class Discount
{
    public static int ApplyPercent(int priceCents, double percent)
    {
        int unused;
        int discounted = priceCents * (1 - percent / 100);
        return discounted;
    }

    public static void Main()
    {
        Console.WriteLine(ApplyPercent(4990, 15));
    }
}
