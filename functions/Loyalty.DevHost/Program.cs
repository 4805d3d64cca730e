using Loyalty.DevHost;

return await DevHostProgram.RunAsync(args);
