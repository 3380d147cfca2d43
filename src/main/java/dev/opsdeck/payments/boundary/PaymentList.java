package dev.opsdeck.payments.boundary;

import dev.opsdeck.records.boundary.ReadModelList;
import dev.opsdeck.records.entity.ReadModelTable;
import dev.opsdeck.payments.entity.Payment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

@Named
@ViewScoped
public class PaymentList extends ReadModelList<Payment> {

    private static final long serialVersionUID = 1L;

    public PaymentList() {
        super(ReadModelTable.PAYMENTS, Payment.class);
    }

    @Override
    protected Object keyOf(Payment row) {
        return row.getPaymentId();
    }
}
