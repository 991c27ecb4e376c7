"""An independent client of the adapter's WS-Security service: Python zeep + xmlsec (Debian packages).

Usage: zeep_client.py PROFILE WSDL ENDPOINT USER PASSWORD KEY_PEM CERT_PEM SERVER_CERT_PEM COMMAND [ARGS...]
  ENDPOINT the service address, or - to call the port the WSDL lists first, at the address the WSDL gives
  HTTPS    the CA to trust comes from REQUESTS_CA_BUNDLE (honoured by requests, which zeep uses)
  PROFILE  signed  UsernameToken + Timestamp + X.509 signature (BinarySecurityToken) over Timestamp and Body;
                   the response's signature is verified with SERVER_CERT_PEM
           tls     UsernameToken + Timestamp only (for use over TLS)
  COMMAND  submit FROM TO CODE_NUMBER [PDF_FILE]  -> prints "documentId state" (PDF_FILE: the attachment)
           status FROM DOCUMENT_ID       -> prints "state attempts"
           history FROM DOCUMENT_ID      -> prints one line per event: "at kind organ code detail"
Prints one result line; on a SOAP fault prints "FAULT <code>" and exits 3.
"""
import base64
import datetime
import os
import sys

import xmlsec
from zeep import Client
from zeep.exceptions import Fault
from zeep.wsse.compose import Compose
from zeep.wsse.signature import BinarySignature, verify_envelope
from zeep.wsse.username import UsernameToken
from zeep.wsse.utils import WSSE, WSU


class AdapterSignature(BinarySignature):
    """Signs requests with the client's key; verifies responses with the adapter's certificate."""

    def __init__(self, key_file, cert_file, server_cert_file):
        super().__init__(key_file, cert_file,
                         signature_method=xmlsec.Transform.RSA_SHA256,
                         digest_method=xmlsec.Transform.SHA256)
        self.server_cert_file = server_cert_file

    def verify(self, envelope):
        verify_envelope(envelope, self.server_cert_file)
        return envelope


class FreshUsernameToken(UsernameToken):
    """A text-password UsernameToken with Nonce and Created: the adapter refuses tokens without them (AUTH.NONCE),
    and refuses a token it has seen before (AUTH.REPLAY)."""

    def _create_password_text(self):
        elements = super()._create_password_text()
        nonce = WSSE.Nonce(base64.b64encode(os.urandom(16)).decode("ascii"))
        nonce.set("EncodingType", "http://docs.oasis-open.org/wss/2004/01/"
                                  "oasis-200401-wss-soap-message-security-1.0#Base64Binary")
        created = WSU.Created(datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        return elements + [nonce, created]


def timestamp():
    now = datetime.datetime.now(datetime.timezone.utc)
    ts = WSU.Timestamp()
    ts.append(WSU.Created(now.strftime("%Y-%m-%dT%H:%M:%SZ")))
    ts.append(WSU.Expires((now + datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")))
    return ts


def main(argv):
    profile, wsdl, endpoint, user, password, key_pem, cert_pem, server_cert, command, *args = argv
    plugins = [FreshUsernameToken(user, password, timestamp_token=timestamp())]
    if profile == "signed":
        plugins.append(AdapterSignature(key_pem, cert_pem, server_cert))
    client = Client(wsdl, wsse=Compose(plugins))
    if endpoint == "-":
        service = client.service
    else:
        binding = "DocumentExchangeBinding" if profile == "signed" else "DocumentExchangeTlsBinding"
        service = client.create_service("{urn:lienthong:exchange:1}" + binding, endpoint)
    try:
        if command == "submit":
            sender, recipient, number, *pdf = args
            name, content = "zeep.pdf", b"%PDF-1.4\n% sent by zeep\n"
            if pdf:
                name = os.path.basename(pdf[0])
                with open(pdf[0], "rb") as f:
                    content = f.read()
            result = service.SubmitDocument(clientMessageId=None, document={
                "fromOrganId": sender,
                "recipient": [{"organId": recipient, "organName": "UBND tỉnh Nghệ An"}],
                "codeNumber": number,
                "codeNotation": "VPCP-ZEEP",
                "promulgationDate": datetime.date(2026, 11, 23),
                "subject": "Gửi từ zeep (Python)",
                "priority": 0,
                "attachment": [{"name": name, "contentType": "application/pdf", "content": content}],
            })
            print(result.documentId, result.state)
        elif command == "status":
            sender, document_id = args
            result = service.GetDocumentStatus(fromOrganId=sender, documentId=document_id)
            print(result.state, result.attempts)
        elif command == "history":
            sender, document_id = args
            result = service.GetDocumentHistory(organId=sender, senderOrganId=sender, documentId=document_id)
            for e in result.event:
                print(e.at, e.kind, e.organId or "-", e.code or "-", e.detail or "")
        else:
            raise SystemExit("unknown command " + command)
    except Fault as fault:
        code = fault.detail.find(".//{urn:lienthong:exchange:1}code") if fault.detail is not None else None
        print("FAULT", code.text if code is not None else fault.message)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
