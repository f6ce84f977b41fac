using System;
using System.Collections.Generic;

class Rates
{
    static readonly Dictionary<string, decimal> VatByCountry = new Dictionary<string, decimal>
    {
        ["DE"] = 0.19m, ["FR"] = 0.20m, ["NL"] = 0.21m,
    };

    static decimal Gross(decimal net, string country) => net * (1 + VatByCountry[country]);

    static void Main()
    {
        Console.WriteLine(Gross(100m, "DE"));
        Console.WriteLine(Gross(100m, "AT"));
    }
}
