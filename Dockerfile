# Trace API image. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm --prefix contracts ci --ignore-scripts --no-audit --no-fund \
 && dotnet publish src/TraceApi/TraceApi.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# In a container the API binds every address, so cleartext is allowed explicitly: publish the ports only to a
# TLS-terminating proxy, or serve TLS itself with Api__GrpcUrl=https://0.0.0.0:50051 and Api__Tls__* (docs/tls.md).
ENV Trace__DataDirectory=/data \
    Api__GrpcUrl=http://0.0.0.0:50051 \
    Api__HttpUrl=http://0.0.0.0:8080 \
    Api__AllowPlaintextOnPublicAddress=true
VOLUME /data
EXPOSE 50051 8080
ENTRYPOINT ["dotnet", "Trace.Api.dll"]
