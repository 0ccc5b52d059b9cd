import Foundation
import Yams

// `sanitize:` of feeds.yaml (the rules that need the sanitizer's tables are checked by `Policy`).

extension ConfigLoader {
    mutating func readSanitize(_ node: Node) -> SanitizeOverrides? {
        guard !ConfigReader.isNull(node), let f = reader.fields(node, at: "sanitize", known: Self.sanitizeKeys) else { return nil }
        var o = SanitizeOverrides()
        func words(_ key: String) -> [String] { reader.stringList(f, key)?.map { $0.value.trimmingCharacters(in: .whitespaces) } ?? [] }
        o.extraTrackingAttributes = words("extra_tracking_attributes").map { $0.lowercased() }
        o.extraTrackingParameters = words("extra_tracking_parameters")
        o.iframeHosts = words("iframe_hosts").map { $0.lowercased() }
        o.beaconHosts = words("beacon_hosts").map { $0.lowercased() }
        o.allowTags = words("allow_tags").map { $0.lowercased() }
        o.removeTags = words("remove_tags").map { $0.lowercased() }
        for tag in Set(o.allowTags).intersection(o.removeTags).sorted() {
            reader.report(f.line(of: "remove_tags"), "sanitize.remove_tags", "\"\(tag)\" is also in allow_tags (keep it in one list)")
        }
        if let rules = reader.sequence(f, "image_proxy_rules") {
            for (n, p) in rules {
                guard let rf = reader.fields(n, at: p, known: Self.proxyRuleKeys) else { continue }
                let name = reader.string(rf, "name", required: true)
                let hosts = reader.stringList(rf, "hosts")?.map { $0.value.lowercased() } ?? []
                if hosts.isEmpty { reader.report(rf.line, rf.field("hosts"), "missing (list the proxy's hosts)") }
                let prefix = reader.string(rf, "path_prefix") ?? "/"
                if !prefix.hasPrefix("/") { reader.report(rf.line(of: "path_prefix"), rf.field("path_prefix"), "must start with /") }
                let parameter = reader.string(rf, "parameter")
                let embedded = reader.bool(rf, "path_embedded") ?? false
                if parameter == nil, !embedded {
                    reader.report(rf.line, rf.field("parameter"), "missing (name the query parameter holding the original, or set `path_embedded: true`)")
                }
                if let name { o.imageProxyRules.append(ImageProxyRule(name: name, hosts: hosts, pathPrefix: prefix, parameter: parameter, pathEmbedded: embedded)) }
            }
        }
        if let sp = f.values["signed_proxy"], !ConfigReader.isNull(sp), let pf = reader.fields(sp, at: "sanitize.signed_proxy", known: Self.signedProxyKeys) {
            let template = reader.string(pf, "template", required: true, hint: "add `template: https://img.example/{sig}/{url_b64}`")
            if let template {
                if Self.httpURLProblem(template.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")) != nil {
                    reader.report(pf.line(of: "template"), pf.field("template"), "must be an http(s) URL template")
                } else if !["{url}", "{url_b64}", "{url_hex}"].contains(where: template.contains) || !template.contains("{sig}") {
                    reader.report(pf.line(of: "template"), pf.field("template"), "must contain {sig} and one of {url}, {url_b64}, {url_hex}")
                }
            }
            var cfg = SignedProxyConfig(template: template ?? "")
            if let env = reader.string(pf, "key_env") {
                if env.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) { cfg.keyEnv = env }
                else { reader.report(pf.line(of: "key_env"), pf.field("key_env"), "must be an environment variable name (A-Z, 0-9, _); the key itself never goes in this file") }
            }
            if let enc = reader.string(pf, "signature_encoding") {
                if ["hex", "base64url"].contains(enc) { cfg.signatureEncoding = enc }
                else { reader.report(pf.line(of: "signature_encoding"), pf.field("signature_encoding"), "unknown encoding \"\(enc)\" (use hex or base64url)") }
            }
            if template != nil { o.signedProxy = cfg }
        }
        return o
    }
}
