global using ServerlessSafety.LocalHost.TestApp;
global using ServerlessSafety.Testing;
global using Xunit;
