"""Where a TM is, fit to show: a server URL without its password.

A TM location is a file path (SQLite) or a server URL (``postgresql://user:password@host/db``);
messages, reports and ``tm stats`` show it through :func:`public_location`.
"""

from __future__ import annotations

from urllib.parse import unquote


def secrets_in(location: str) -> list[str]:
    """The passwords written in a server URL (in its user part, or as ``password=`` in its
    query), as written and percent-decoded, longest first."""
    if "://" not in location:
        return []
    authority = location.split("://", 1)[1].partition("/")[0].partition("?")[0]
    found: list[str] = []
    userinfo = authority.rpartition("@")[0]
    if ":" in userinfo:
        found.append(userinfo.split(":", 1)[1])
    query = location.partition("?")[2].partition("#")[0]
    for field in query.split("&"):
        key, sep, value = field.partition("=")
        if sep and unquote(key).strip().lower() == "password":
            found.append(value)
    secrets = {secret for raw in found for secret in (raw, unquote(raw), unquote(raw.replace("+", " ")))}
    return sorted((secret for secret in secrets if secret), key=len, reverse=True)


def public_location(location: str) -> str:
    """``location`` fit to show: a server URL with its password (in the user part or as
    ``password=`` in the query) replaced by ``***``; a file path as given."""
    if "://" not in location:
        return location
    scheme, rest = location.split("://", 1)
    cut = min((index for index in (rest.find("/"), rest.find("?"), rest.find("#")) if index >= 0),
              default=len(rest))
    authority, tail = rest[:cut], rest[cut:]
    if "@" in authority:
        userinfo, _, host = authority.rpartition("@")
        user, colon, _password = userinfo.partition(":")
        authority = f"{user}{':***' if colon else ''}@{host}"
    path, question, query = tail.partition("?")
    if question:
        query, hash_, fragment = query.partition("#")
        fields = []
        for field in query.split("&"):
            key, sep, _value = field.partition("=")
            fields.append(f"{key}=***" if sep and key.strip().lower() == "password" else field)
        tail = path + "?" + "&".join(fields) + hash_ + fragment
    result = f"{scheme}://{authority}{tail}"
    for secret in secrets_in(location):  # whatever is left (a URL that is not well formed)
        result = result.replace(secret, "***")
    return result
