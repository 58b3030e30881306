Console.WriteLine("trace");
