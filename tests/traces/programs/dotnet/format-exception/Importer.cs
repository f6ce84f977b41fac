using System;
using System.Globalization;
using System.IO;

class Importer
{
    static void Main(string[] args)
    {
        decimal total = 0;
        foreach (var line in File.ReadAllLines(args[0]))
        {
            var parts = line.Split(';');
            int qty = int.Parse(parts[1]);
            decimal price = decimal.Parse(parts[2], CultureInfo.InvariantCulture);
            total += qty * price;
        }
        Console.WriteLine("Total: " + total);
    }
}
