# The workload the end-to-end tests and the playground's real node scale, in place of images no
# registry here serves: a web server whose pods really run, on the Debian base the project's images
# share, so it adds no layer of its own.
ARG BASE=debian:bookworm-slim
FROM ${BASE}
EXPOSE 8080
CMD ["python3", "-m", "http.server", "8080"]
